/**
 * The CodeMirror 6 editor of a code cell, loaded only when the reader presses Edit (~170 KB
 * gzip, so never eagerly). It replaces the highlighted listing in place.
 *
 * CodeMirror writes its styles with style-mod: into a `<style>` element when mounted in a
 * document — which the page's style-src (hashes and 'self' only) refuses — but into a
 * constructed stylesheet (`adoptedStyleSheets`) when mounted in a shadow root. So the editor
 * lives in a shadow root; the page's colours reach it through CSS custom properties, which
 * inherit across the shadow boundary.
 * @module
 */
import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { basicSetup } from 'codemirror';

export type EditorOptions = { label: string; onRun: () => void; onChange?: () => void };

/** Page variables (src/styles/global.css) → editor theme, so light and dark both follow the page. */
const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--code-bg)', fontSize: '0.9rem', border: '1px solid var(--rule)', borderRadius: '4px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'var(--font-code)', caretColor: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--font-code)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--bg-soft)', color: 'var(--fg-soft)', borderRight: '1px solid var(--rule)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
});

/**
 * Token colours of the page's Prism listings (src/styles/global.css), light and dark, so the
 * code looks the same before and after Edit; CodeMirror's default palette is for light pages.
 */
const highlight = HighlightStyle.define([
  { tag: [t.comment, t.docComment], color: 'light-dark(#5f646c, #8b929c)', fontStyle: 'italic' },
  { tag: [t.keyword, t.operator, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: 'light-dark(#8e2f8a, #d7a0f5)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'light-dark(#2f6b1f, #a6d98a)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'light-dark(#a3460b, #ffb27a)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.className, t.typeName], color: 'light-dark(#1f5fbf, #8ab4ff)' },
  { tag: [t.punctuation, t.bracket, t.separator], color: 'var(--fg-soft)' },
  { tag: t.invalid, color: 'var(--warn)' },
]);

/**
 * Mounts an editor holding `code` in `host` (whose listing it hides) and returns a small handle.
 * Ctrl+Enter / Cmd+Enter runs. Tab is left to the browser (basicSetup does not bind it), so
 * keyboard users move on with Tab as anywhere else; indentation comes with Enter.
 */
export function createEditor(host: HTMLElement, code: string, options: EditorOptions): { getCode(): string; setCode(c: string): void; focus(): void } {
  const mount = document.createElement('div');
  mount.className = 'cc-editor';
  const root = mount.attachShadow({ mode: 'open' });
  const run = () => {
    options.onRun();
    return true;
  };
  const view = new EditorView({
    doc: code,
    root,
    parent: root,
    extensions: [
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
      basicSetup,
      javascript({ typescript: true }),
      syntaxHighlighting(highlight),
      theme,
      EditorView.contentAttributes.of({ 'aria-label': options.label }),
      EditorView.updateListener.of((update) => { if (update.docChanged) options.onChange?.(); }),
    ],
  });
  for (const child of [...host.children]) (child as HTMLElement).hidden = true;
  host.append(mount);
  return {
    getCode: () => view.state.doc.toString(),
    // A user event of its own, so the history never merges it with the typing just before it:
    // Ctrl+Z right after Reset brings back exactly the code that Reset replaced.
    setCode: (c) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: c }, userEvent: 'input.reset' }),
    focus: () => view.focus(),
  };
}
