/**
 * A figure scrolls sideways on a narrow screen (plots.css keeps its text legible), a long table
 * scrolls down in its box, and a box that scrolls must be reachable by keyboard (and named, which
 * the markup does); one that fits is not a tab stop, or a chapter with seventeen figures would put
 * seventeen stops between the reader and the next control.
 * The markup starts focusable (right without scripts); this takes the stop away while the
 * content fits, and gives it back when it stops fitting (a narrower window, a wider figure).
 */
export function focusableWhileScrolling(box: HTMLElement): void {
  const update = () => {
    if (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight) box.tabIndex = 0;
    else if (document.activeElement !== box) box.removeAttribute('tabindex');
  };
  const observer = new ResizeObserver(update);
  observer.observe(box);
  // The content's own size changes too when a figure is replaced rather than changed in place.
  new MutationObserver(() => {
    for (const child of box.children) observer.observe(child);
    update();
  }).observe(box, { childList: true });
  for (const child of box.children) observer.observe(child);
}
