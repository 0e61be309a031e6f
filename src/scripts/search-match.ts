/**
 * What the search page promises: a listed chapter really holds every word of the query, as the
 * word itself, as another form of it (“network” for “networks”: the same word inflected) or as the
 * start of a longer word. Pagefind alone promises less. It matches every
 * query word as a prefix of an indexed (stemmed) word and, when nothing starts with the word, falls
 * back to the longest indexed word the query word starts with, so “zzzzqqq” finds the formula
 * letter “z” and “img” finds “i”. Pagefind has no option to turn that off, so its results are
 * candidates here, checked against the text they were indexed from. No DOM in this file.
 */
/**
 * How a chapter holds one query word: that very word, another form of it (the same word with a
 * possessive or a regular inflection, see `sameWord`), or a longer word that starts with it.
 * Listed best first.
 */
export type Hit = 'word' | 'form' | 'start';
const RANK: Record<Hit, number> = { word: 0, form: 1, start: 2 };

/** Shortest query word that also finds longer words starting with it (“net” finds “network”; “he” finds only “He”). */
export const MIN_PREFIX = 3;

/** Words of context shown before the first marked word of an excerpt. */
const LEAD = 6;

/**
 * Case and curly apostrophes folded away, so “Glorot’s” and "glorot's" compare equal. Accents are
 * kept (in one normal form): the results say a chapter mentions the word as typed, and “Gloröt” is
 * not a word the chapter has.
 */
export function fold(s: string): string {
  return s.normalize('NFC').replace(/[‘’]/g, "'").toLowerCase();
}

/** A word without the punctuation around it: “header.” → “header”, “(2015),” → “2015”. */
function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * A point, comma, slash or superscript minus between two digits, which keeps a number whole:
 * “0.693”, “10,000”, “1/6”, “10⁻⁵”.
 */
const IN_NUMBER = String.raw`(?<=\p{N})[.,/⁻](?=\p{N})`;
/** A run of a query word's characters: letters, digits, marks, apostrophes, hyphens, underscores, and number punctuation. */
const QUERY_WORD = new RegExp(String.raw`(?:[\p{L}\p{N}\p{M}'’_-]|${IN_NUMBER})+`, 'gu');

/**
 * The query's words as typed, without punctuation, Pagefind's quotes or repeats: a word is a run of
 * letters and digits, with apostrophes, hyphens and underscores inside it (“Glorot’s”, “fan-in”,
 * “n_in”) and the punctuation of a number (“0.693”, “1/6”, “10⁻⁵”); anything else separates
 * words, so “<script>” is the word “script” and “alert(1)” the words “alert” and “1”.
 */
export function queryWords(query: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of query.normalize('NFC').match(QUERY_WORD) ?? []) {
    const word = bare(raw);
    if (!word || seen.has(fold(word))) continue;
    seen.add(fold(word));
    words.push(word);
  }
  return words;
}

/**
 * A part of a word: letters and digits (a number whole, with its point, comma, slash or superscript
 * minus: “0.693”), with the subscripts and superscripts a formula's plain text attaches by _ or ^
 * (“n_in”, “w_ij²”). A script names a symbol, so the “in” of n_in is not the word “in”.
 */
const RUN = String.raw`(?:[\p{L}\p{N}]|${IN_NUMBER})+`;
const PART = new RegExp(String.raw`${RUN}(?:[_^]${RUN})*`, 'gu');

/**
 * The forms a word of the text is found by, folded: the whole word, its parts between punctuation
 * (“rng.normal(),” → rng, normal; “engine’s” → engine, s; “U(±√(1/n_in))” → u, 1, n_in) and those
 * parts run together (“fan-in” → fanin).
 */
function forms(word: string): string[] {
  const whole = bare(fold(word));
  const parts = whole.match(PART) ?? [];
  return [whole, ...parts, parts.join('')];
}

/** Shortest base two words may share to be forms of each other: “news” is not a form of “new”. */
const MIN_BASE = 4;

/**
 * The bases a folded word may be an inflection of: the word without a possessive (“xavier's”,
 * “seeds'”) and then without one regular ending, -s, -es (after s, x, z, ch, sh), -ies and -ied
 * (for y), -ed or -ing. Before -ed and -ing a doubled consonant may be undone (“dropping”, drop) and
 * a silent e may have gone (“initializing”, initialize), so both are offered. Only bases of at
 * least MIN_BASE letters count. Deliberately no deeper: a stemmer that cuts derivations ties
 * “experience” to “experiments” and “generate” to “generalizes”.
 */
export function bases(word: string): Set<string> {
  const w = word.replace(/'s$|'$/, '');
  const out = [w];
  let m: RegExpMatchArray | null;
  if ((m = w.match(/^(.+)i(?:es|ed)$/))) out.push(`${m[1]}y`);
  if ((m = w.match(/^(.+(?:s|x|z|ch|sh))es$/))) out.push(m[1]);
  if ((m = w.match(/^(.+[^s'])s$/))) out.push(m[1]);
  if ((m = w.match(/^(.+)(?:ed|ing)$/))) {
    const stem = m[1];
    out.push(stem, `${stem}e`);
    if (/([^aeiou])\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  return new Set(out.filter((b) => b.length >= MIN_BASE));
}

/** Two folded words are forms of one word: some base of one is a base of the other (see `bases`). */
export function sameWord(a: string, b: string): boolean {
  const of = bases(a);
  return [...bases(b)].some((x) => of.has(x));
}

/** How a word of the text matches the folded query word `q`, if at all. */
export function hitOf(textWord: string, q: string): Hit | undefined {
  const f = forms(textWord);
  if (f.includes(q)) return 'word';
  if (f.some((w) => sameWord(w, q))) return 'form';
  if (q.length >= MIN_PREFIX && f.some((w) => w.startsWith(q))) return 'start';
  return undefined;
}

/** A chapter checked against the query: where its matching words are, and how it holds each query word. */
export type Match = {
  /** Indices into the chapter's words of every word that matches some query word. */
  positions: number[];
  /** Per query word: the best way the text holds it ('word', else 'form', else 'start'), else undefined. */
  hits: (Hit | undefined)[];
};

/** The words of a text as Pagefind counts them (split at white space). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Checks a chapter's indexed text (and its title, which Pagefind also searches) for each query word.
 * A whole-word hit anywhere beats another form, which beats a prefix hit.
 */
export function matchText(words: string[], title: string, query: string[]): Match {
  const folded = query.map(fold);
  const hits: (Hit | undefined)[] = folded.map(() => undefined);
  const note = (word: string, at?: number, positions?: number[]) => {
    let matched = false;
    folded.forEach((q, i) => {
      const h = hitOf(word, q);
      if (!h) return;
      matched = true;
      const had = hits[i];
      if (had === undefined || RANK[h] < RANK[had]) hits[i] = h;
    });
    if (matched && positions && at !== undefined) positions.push(at);
  };
  const positions: number[] = [];
  words.forEach((w, at) => note(w, at, positions));
  for (const w of wordsOf(title)) note(w);
  return { positions, hits };
}

/** True when the chapter holds every query word. */
export function holdsAll(match: Match): boolean {
  return match.hits.every((h) => h !== undefined);
}

/**
 * The excerpt's word range [start, end): the `length`-word window holding the most matching
 * words, starting a few words before its first one so the sentence reads.
 */
export function excerptRange(count: number, positions: number[], length = 30): [number, number] {
  if (positions.length === 0 || count <= length) return [0, Math.min(count, length)];
  let best = 0;
  let bestCount = -1;
  for (const p of positions) {
    const start = Math.max(0, Math.min(p - LEAD, count - length));
    const inside = positions.filter((q) => q >= start && q < start + length).length;
    if (inside > bestCount) [best, bestCount] = [start, inside];
  }
  return [best, best + length];
}

const quote = (w: string) => `“${w}”`;

/** “a”, “a and b”, “a, b and c” (or with “or”). */
function list(items: string[], last: 'and' | 'or'): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** One query word as a chapter holds it: “He”, a form of “networks”, or a word starting with “netw”. */
function held(word: string, hit: Hit | undefined): string {
  if (hit === 'form') return `a form of ${quote(word)}`;
  return hit === 'start' ? `a word starting with ${quote(word)}` : quote(word);
}

/**
 * The query words with how they are held, whole words first, then other forms, then starts (in
 * query order within each): “contain “in” and a word starting with “fan””, never “a word starting
 * with “fan” and “in””, which reads as if “in” too were only the start of a word.
 */
function strongestFirst(query: string[], hits: (Hit | undefined)[]): [string, Hit | undefined][] {
  const rank = (h: Hit | undefined) => (h ? RANK[h] : 3);
  return query.map((w, i) => [w, hits[i]] as [string, Hit | undefined]).sort((a, b) => rank(a[1]) - rank(b[1]));
}

const chapters = (n: number) => (n === 1 ? '1 chapter' : `${n} chapters`);

/**
 * The sentence above the results. “Mention” only when every listed chapter has every query word
 * itself; other forms and prefix hits are described as such.
 */
export function statusLine(query: string[], found: Match[], partial: boolean, shown: number): string {
  const n = found.length;
  const more = n > shown ? ` (the first ${shown} are shown)` : '';
  if (n === 0) {
    const hint = query.length === 1 ? 'Try a shorter or different word.' : 'Try fewer or different words.';
    return `No chapter mentions ${list(query.map(quote), 'or')}. ${hint}`;
  }
  if (partial) {
    const all = query.length === 2 ? `both ${list(query.map(quote), 'and')}` : `all of ${list(query.map(quote), 'and')}`;
    const some = query.length === 2 ? 'one of them' : 'some of them';
    return `No chapter has ${all}; ${chapters(n)} ${n === 1 ? 'has' : 'have'} ${some}${more}.`;
  }
  // Per query word, the weakest way a listed chapter holds it: the whole word in every one, or in
  // some only another form of it or the start of a longer word.
  const kinds = query.map((_, i) => found.map((m) => m.hits[i] ?? 'start').reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'word' as Hit));
  const words = list(strongestFirst(query, kinds).map(([w, k]) => held(w, k)), 'and');
  const verb = kinds.every((k) => k === 'word') ? (n === 1 ? 'mentions' : 'mention') : (n === 1 ? 'contains' : 'contain');
  return `${chapters(n)} ${verb} ${words}${more}.`;
}

/** The status when the query has no word to look for: only symbols (“√”, “±”, “...”). */
export function nothingToSearch(query: string): string {
  return `No letters or digits to search for in ${quote(query)}.`;
}

/** For a chapter that has only some query words: which it has and which it lacks. */
export function partialNote(query: string[], match: Match): string {
  const has = strongestFirst(query, match.hits).flatMap(([w, h]) => (h ? [held(w, h)] : []));
  const lacks = query.filter((_, i) => !match.hits[i]).map(quote);
  return `Has ${list(has, 'and')}; not ${list(lacks, 'or')}.`;
}
