/**
 * The formulas of a built page, read from KaTeX's output: what their MathML says and the plain-text
 * form the search index is given in its place (a hidden [data-math-text] element in each .katex).
 */

/** One formula of a page. */
export type Formula = {
  /** The text of its MathML, what Pagefind indexed before: pieces run together (“U(±6/(nin+nout))”). */
  mathml: string;
  /** The plain-text form meant for the index (“U(±√(6/(n_in+n_out)))”). */
  linear: string;
  /** How many roots, fractions and subscripts the MathML has, each of which the plain text must show. */
  roots: number;
  fractions: number;
  subscripts: number;
  /**
   * The word of the page's text right before and right after the formula, with only spaces and
   * punctuation between (and some space), or '' where an element, a block edge or a joined word is.
   */
  before: string;
  after: string;
};

/** Every formula (inline and displayed) of a parsed page, in page order. */
export function formulasOf(doc: Document): Formula[] {
  return [...doc.querySelectorAll('.katex')].map((katex) => {
    const math = katex.querySelector('math');
    // <semantics> holds the formula and then its TeX source (<annotation>), which is not MathML text.
    const body = math?.querySelector('semantics')?.firstElementChild ?? math;
    const count = (selector: string) => math?.querySelectorAll(selector).length ?? 0;
    // A displayed formula sits in a .katex-display wrapper; its neighbours are the wrapper's.
    const outer = katex.parentElement?.classList.contains('katex-display') ? katex.parentElement : katex;
    return {
      mathml: body?.textContent ?? '',
      linear: katex.querySelector('[data-math-text]')?.textContent ?? '',
      roots: count('msqrt, mroot'),
      fractions: count('mfrac'),
      subscripts: count('msub, msubsup'),
      before: textOf(outer.previousSibling).match(/(?<![\p{L}\p{N}])(\p{L}+)[^\p{L}\p{N}\s]*\s[^\p{L}\p{N}]*$/u)?.[1] ?? '',
      after: textOf(outer.nextSibling).match(/^[^\p{L}\p{N}]*\s[^\p{L}\p{N}\s]*(\p{L}+)(?![\p{L}\p{N}])/u)?.[1] ?? '',
    };
  });
}

/** The text of a text node; '' for an element or nothing. */
function textOf(node: ChildNode | null): string {
  return node?.nodeType === 3 ? (node.nodeValue ?? '') : '';
}

/**
 * The letters and digits of a formula's text in order, in a form that ignores typography: ŷ is y,
 * ℝ is R, ² is 2. A faithful plain text has exactly those of the MathML, none lost, added or moved.
 */
export function symbols(text: string): string {
  return (text.normalize('NFKD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]/gu) ?? []).join('');
}
