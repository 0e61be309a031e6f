/**
 * A formula as one line of plain text, read from KaTeX's MathML (a hast tree): U(±√(6/(n_in+n_out))),
 * Var(z^(l))=n_in·Var(W)·E[(a^(l−1))²]. The search index holds this form, because the MathML's
 * own text runs the pieces together (“U(±6/(nin+nout))”: roots gone, subscripts merged) and the
 * TeX source is not for readers.
 *
 * The text has no spaces except where the formula itself has words or wide gaps (\text{ or },
 * \qquad between two equations), so the search page, which splits text at spaces, keeps each part
 * of a formula whole. Grouping that the layout showed is written out: √(…) for a root over more
 * than one symbol, a/(b+c) for a fraction, _(…) and ^(…) for scripts longer than one word,
 * (1/2)·n for a fraction next to a factor, and · where two factors would otherwise read as one
 * name (n_in·Var, not n_inVar).
 */

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: HastNode[] }} HastNode */

/**
 * One piece of a row, as the row joins it to its neighbours.
 * - operand: a symbol, number, root, fenced group or scripted symbol (`atomic`: needs no brackets as
 *   the part of a fraction or root; `single`: one letter, which runs into the next letter as in “ij”;
 *   `number`: a numeral, which runs into a letter as in “3n”);
 * - frac: a fraction; op: an operator, relation or punctuation; open, close: brackets;
 * - largeop: ∑ and its kin; apply: the invisible “function of” after ln or Var;
 * - gap: a wide space or a word of text (`text`, with spaces around it when the formula has them);
 * - none: thin spaces and invisible operators, which are dropped.
 * @typedef {{ kind: 'operand' | 'frac' | 'op' | 'open' | 'close' | 'largeop' | 'apply' | 'gap' | 'none', text: string, atomic?: boolean, single?: boolean, number?: boolean }} Piece
 */

const INVISIBLE = /^[\s\u200b\u2061-\u2064]*$/u;
const LARGE_OPS = new Set([...'∑∏∐∫∬∭∮⋀⋁⋂⋃⨀⨁⨂⨄⨆']);
const OPENERS = new Set([...'([{⟨⌈⌊']);
const CLOSERS = new Set([...')]}⟩⌉⌋']);
/** Symbols that stand for a quantity, although Unicode files them as mathematical symbols. */
const SYMBOL_OPERANDS = new Set([...'∂∞∅∇']);
const SUPERSCRIPT = /** @type {Record<string, string>} */ ({ 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '−': '⁻', '+': '⁺' });
/** Double-struck letters that have their own code point in common fonts (ℝ); others are written plain (E). */
const DOUBLE_STRUCK = /** @type {Record<string, string>} */ ({ C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' });
/** Accents KaTeX puts over a symbol, as combining marks (ŷ). */
const ACCENTS = /** @type {Record<string, string>} */ ({ '^': '\u0302', ˆ: '\u0302', '~': '\u0303', '˜': '\u0303', ˉ: '\u0304', '¯': '\u0304', '˙': '\u0307', '¨': '\u0308', '→': '\u20d7', '⃗': '\u20d7', ˇ: '\u030c', '˘': '\u0306', ˊ: '\u0301', ˋ: '\u0300' });
const BRACES = new Set(['⏟', '⏞']);

/** The formula of a KaTeX `<math>` element as plain text. */
export function mathText(/** @type {HastNode} */ math) {
  const semantics = elements(math).find((c) => c.tagName === 'semantics');
  const body = semantics ? elements(semantics).filter((c) => c.tagName !== 'annotation' && c.tagName !== 'annotation-xml') : elements(math);
  return row(body).replace(/\s+/g, ' ').trim();
}

/** Element children of a hast node. */
function elements(/** @type {HastNode} */ node) {
  return (node.children ?? []).filter((c) => c.type === 'element');
}

/** Concatenated text of a hast node. */
function textOf(/** @type {HastNode} */ node) {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

const attr = (/** @type {HastNode} */ node, /** @type {string} */ name) => String(node.properties?.[name] ?? '');

/** Text of a list of nodes read as one row. */
function row(/** @type {HastNode[]} */ nodes) {
  return join(nodes.map(piece));
}

/** `nodes` as one piece: itself when it is one, else a group that is atomic when it is fenced or one piece. */
function group(/** @type {HastNode[]} */ nodes) {
  const pieces = nodes.map(piece).filter((p) => p.kind !== 'none');
  if (pieces.length === 1) return pieces[0];
  const text = join(pieces);
  return { kind: 'operand', text, atomic: fenced(text) || derivative(pieces) };
}

/** ∂J, ∂W^(l): the “d” of a derivative and what it acts on, which read as one symbol. */
function derivative(/** @type {Piece[]} */ pieces) {
  return pieces.length === 2 && pieces[0].text === '∂' && pieces[1].kind === 'operand' && pieces[1].atomic === true;
}

/** True when `text` is one bracketed group: “(l−1)”, not “(a)(b)”. */
function fenced(/** @type {string} */ text) {
  if (!OPENERS.has(text[0]) || !CLOSERS.has(text.at(-1) ?? '')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (OPENERS.has(text[i])) depth++;
    else if (CLOSERS.has(text[i])) depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return true;
}

/** A token's text as a piece: an operator unless it is made of letters, digits or a quantity symbol. */
function token(/** @type {string} */ text, /** @type {boolean} */ number) {
  if (INVISIBLE.test(text)) return /** @type {Piece} */ ({ kind: text.includes('\u2061') ? 'apply' : 'none', text: '' });
  if (/[\p{L}\p{N}]/u.test(text) || SYMBOL_OPERANDS.has(text)) {
    return /** @type {Piece} */ ({ kind: 'operand', text, atomic: true, single: [...text].length === 1 && /\p{L}/u.test(text), number });
  }
  if (LARGE_OPS.has(text)) return { kind: 'largeop', text };
  if (OPENERS.has(text)) return { kind: 'open', text };
  if (CLOSERS.has(text)) return { kind: 'close', text };
  return { kind: 'op', text };
}

/** One MathML element as a piece. */
function piece(/** @type {HastNode} */ node) {
  const kids = elements(node);
  switch (node.tagName) {
    case 'mi': {
      const text = textOf(node).trim();
      const variant = attr(node, 'mathvariant');
      return token(variant === 'double-struck' ? (DOUBLE_STRUCK[text] ?? text) : text, false);
    }
    case 'mn':
      return token(textOf(node).trim(), true);
    case 'mo':
      // KaTeX writes |x| with U+2223 (“divides”); plain text writes a bar.
      return token(textOf(node).trim().replace(/\u2223/g, '|'), false);
    case 'mtext': {
      const raw = textOf(node);
      if (INVISIBLE.test(raw)) return { kind: 'none', text: '' };
      const words = raw.replace(/\s+/g, ' ');
      // A word set apart by spaces (\text{ or }) keeps them; a word inside a symbol (n_{\text{in}}) does not.
      if (/^\s|\s$/.test(raw)) return { kind: 'gap', text: ` ${words.trim()} ` };
      return { kind: 'operand', text: words, atomic: !/\s/.test(words) };
    }
    case 'mspace':
      // \quad and wider separate two formulas; thinner spaces only set symbols apart.
      return parseFloat(attr(node, 'width')) >= 1 && attr(node, 'width').endsWith('em') ? { kind: 'gap', text: ' ' } : { kind: 'none', text: '' };
    case 'mphantom':
      return { kind: 'none', text: '' };
    case 'mfrac': {
      const [num, den] = kids.map((k) => group([k]));
      return { kind: 'frac', text: `${part(num)}/${part(den)}` };
    }
    case 'msqrt': {
      const inside = group(kids);
      return { kind: 'operand', text: `√${part(inside)}`, atomic: true };
    }
    case 'mroot': {
      const [base, index] = kids.map((k) => group([k]));
      return { kind: 'operand', text: `${superscript(index.text) ?? `(${index.text})`}√${part(base)}`, atomic: true };
    }
    case 'msub':
    case 'msup':
    case 'msubsup': {
      const [base, ...scripts] = kids.map((k) => group([k]));
      const sub = node.tagName === 'msup' ? undefined : scripts[0];
      const sup = node.tagName === 'msub' ? undefined : scripts.at(-1);
      return scripted(base, sub, sup, base.kind === 'largeop');
    }
    case 'munder':
    case 'mover':
    case 'munderover': {
      const [baseNode, ...rest] = kids;
      const base = group([baseNode]);
      const under = node.tagName === 'mover' ? undefined : rest[0];
      const over = node.tagName === 'munder' ? undefined : rest.at(-1);
      const mark = textOf((under ?? over) ?? baseNode).trim();
      // \underbrace{…} and \overbrace{…}: the braced part as one group; its label comes as a script of it.
      if (rest.length === 1 && BRACES.has(mark)) return { kind: 'operand', text: `{${base.text}}`, atomic: true };
      // \hat{y} → ŷ; a longer base keeps the accent after it.
      if (node.tagName === 'mover' && (attr(node, 'accent') === 'true' || ACCENTS[mark])) {
        const accent = ACCENTS[mark];
        const text = accent && [...base.text].length === 1 ? `${base.text}${accent}`.normalize('NFC') : `${part(base)}${accent ?? mark}`;
        return { kind: 'operand', text, atomic: true, single: base.single };
      }
      if (node.tagName === 'munder' && attr(node, 'accentunder') === 'true') return base;
      // Limits written under and over (display ∑) read as scripts, always bracketed.
      return scripted(base, under && group([under]), over && group([over]), true);
    }
    case 'mtable':
      return { kind: 'operand', text: kids.map((tr) => elements(tr).map((td) => row(elements(td))).join(',')).join(';'), atomic: false };
    default:
      // mrow, mstyle, mpadded, menclose and anything else: its children as one group.
      return group(kids);
  }
}

/** A fraction's part or a root's content: bracketed unless it is one symbol or group. */
function part(/** @type {Piece} */ p) {
  return p.atomic ? p.text : `(${p.text})`;
}

/** `text` in superscript digits (2⁻³⁰), or undefined when it is not a signed whole number. */
function superscript(/** @type {string} */ text) {
  return /^[−+]?\d+$/.test(text) ? [...text].map((c) => SUPERSCRIPT[c]).join('') : undefined;
}

/** A script as written after _ or ^: bare when it is one word or sign (n_in, w_ij, x^T, x^*), else bracketed once. */
function script(/** @type {Piece} */ p, /** @type {boolean} */ bracket) {
  if (!bracket && (/^[\p{L}\p{N}]+$/u.test(p.text) || [...p.text].length === 1)) return p.text;
  return fenced(p.text) ? p.text : `(${p.text})`;
}

/** A base with a subscript and/or superscript: w_ij², W^(l), ∑_(i=1)^(N). */
function scripted(/** @type {Piece} */ base, /** @type {Piece | undefined} */ sub, /** @type {Piece | undefined} */ sup, /** @type {boolean} */ bracket) {
  // A fraction or a row as the base is bracketed, so the script applies to all of it: (1/2)².
  const whole = base.kind === 'frac' || (base.kind === 'operand' && !base.atomic);
  let text = whole ? `(${base.text})` : base.text;
  if (sub) text += `_${script(sub, bracket)}`;
  // Primes stay primes (f′), whole numbers go up (a², 2⁻³⁰), anything else follows a caret.
  if (sup) text += /^[′″‴]+$/.test(sup.text) ? sup.text : (!bracket && superscript(sup.text)) || `^${script(sup, bracket)}`;
  // A large operator keeps its kind with its limits, so the summand runs on without a dot: ∑_(i=1)^(N)ℓ.
  return /** @type {Piece} */ ({ kind: whole ? 'operand' : base.kind, text, atomic: true });
}

/** Pieces that stand next to a fraction as a factor, so the fraction needs brackets: (1/2)·n, η(∂J/∂W). */
const FACTOR_BEFORE = new Set(['operand', 'frac', 'close']);
const FACTOR_AFTER = new Set(['operand', 'frac', 'largeop', 'open']);

/** Joins a row's pieces with the brackets and dots the linear form needs. */
function join(/** @type {Piece[]} */ pieces) {
  const kept = pieces.filter((p) => p.kind !== 'none');
  let out = '';
  /** @type {Piece | undefined} */
  let prev;
  kept.forEach((p, i) => {
    let text = p.text;
    const next = kept[i + 1];
    if (p.kind === 'frac' && ((prev && FACTOR_BEFORE.has(prev.kind)) || (next && FACTOR_AFTER.has(next.kind)))) text = `(${text})`;
    // ln 2 is ln(2); Var(W) already has its brackets.
    if (prev?.kind === 'apply' && !OPENERS.has(text[0])) text = `(${text})`;
    if (prev && needsDot(prev, out, p, text)) out += '·';
    out += text;
    prev = p;
  });
  return out;
}

/**
 * True when two factors written side by side would read as one name: n_in·Var, n·Var, (1/2)·n,
 * a^(l−1)·W. Single letters (ij, ab) and a number before a letter (3n) run together as usual.
 */
function needsDot(/** @type {Piece} */ a, /** @type {string} */ before, /** @type {Piece} */ b, /** @type {string} */ text) {
  if (!['operand', 'frac', 'close'].includes(a.kind) || b.kind !== 'operand') return false;
  if (!/[\p{L}\p{N})\]]$/u.test(before) || !/^[\p{L}\p{N}√]/u.test(text)) return false;
  if (a.single && b.single) return false;
  return !(a.number && /^\p{L}/u.test(text));
}
