/**
 * A figure scrolls sideways on a narrow screen (plots.css keeps its text legible), a long table
 * scrolls down in its box, and a box that scrolls must be reachable by keyboard (and named, which
 * the markup does); one that fits is not a tab stop, or a chapter with seventeen figures would put
 * seventeen stops between the reader and the next control.
 * The markup starts focusable (right without scripts); this takes the stop away while the
 * content fits, and gives it back when it stops fitting (a narrower window, a wider figure).
 */
export function focusableWhileScrolling(box: HTMLElement, { landmark = false }: ScrollFocusOptions = {}): void {
  // What the markup says the box is while it scrolls, kept to be put back.
  const said = landmark ? ['role', 'aria-label', 'aria-labelledby'].map((name) => [name, box.getAttribute(name)] as const) : [];
  const update = () => {
    if (scrolls(box)) {
      box.tabIndex = 0;
      for (const [name, value] of said) if (value !== null) box.setAttribute(name, value);
    } else if (document.activeElement !== box) {
      box.removeAttribute('tabindex');
      for (const [name] of said) box.removeAttribute(name);
    }
  };
  const observer = new ResizeObserver(update);
  observer.observe(box);
  // The content's own size changes too when a figure is replaced rather than changed in place.
  new MutationObserver(() => {
    for (const child of box.children) observer.observe(child);
    update();
  }).observe(box, { childList: true });
  for (const child of box.children) observer.observe(child);
  // A formula grows when its font arrives, inside a box whose own size need not change.
  void document.fonts?.ready.then(update);
}

export type ScrollFocusOptions = {
  /**
   * Also take away the box's role and name while it fits: a display formula or a prose table is
   * a named region only while there is something to scroll to, not a landmark on every formula.
   */
  landmark?: boolean;
};

/**
 * Whether the box scrolls, either way, on an axis it lets the reader scroll: a display formula
 * hides the fraction of a pixel its glyphs stick out above and below (overflow-y: hidden), and
 * that is nothing to scroll to.
 */
function scrolls(box: HTMLElement): boolean {
  const style = getComputedStyle(box);
  const scrollable = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
  return (scrollable(style.overflowX) && box.scrollWidth > box.clientWidth)
    || (scrollable(style.overflowY) && box.scrollHeight > box.clientHeight);
}
