/**
 * The search page's check of Pagefind's candidates (src/scripts/search-match.ts): how a text holds
 * a query word, and the sentences that say so. The browser test (test/e2e/search.test.ts) runs the
 * same code on the built site with words taken from the chapters.
 */
import { describe, expect, it } from 'vitest';
import { holdsAll, matchText, nothingToSearch, partialNote, queryWords, statusLine, wordsOf } from '../../src/scripts/search-match.ts';

const check = (text: string, query: string) => matchText(wordsOf(text), '', queryWords(query));

describe('search-match', () => {
  it('a plural finds the singular and an inflection finds its stem, said as “a form of”', () => {
    const m = check('Each network learns; weights are initialized.', 'networks initializing');
    expect(m.hits).toEqual(['form', 'form']);
    expect(holdsAll(m)).toBe(true);
    expect(statusLine(['networks', 'initializing'], [m], false, 10)).toBe('1 chapter contains a form of “networks” and a form of “initializing”.');
  });

  it('the word itself beats another form of it, which beats the start of a longer word', () => {
    expect(check('networks network', 'network').hits).toEqual(['word']);
    expect(check('networking networks', 'network').hits).toEqual(['form']);
    expect(check('layering', 'lay').hits).toEqual(['start']);
    expect(statusLine(['network'], [check('networks', 'network'), check('network', 'network')], false, 10)).toBe('2 chapters contain a form of “network”.');
    expect(statusLine(['network'], [check('network', 'network')], false, 10)).toBe('1 chapter mentions “network”.');
  });

  it('the forms it marks in an excerpt are the words that hold the query', () => {
    const words = wordsOf('a small network, then two networks and a netball');
    const m = matchText(words, '', ['networks']);
    expect(m.positions.map((i) => words[i])).toEqual(['network,', 'networks']);
  });

  it('forms are inflections only: a shared start or a derivation is not a form', () => {
    // Porter's stemmer tied these (“experi”, “gener”).
    expect(check('we ran experiments', 'experience').hits).toEqual([undefined]);
    expect(check('it generalizes; a generator', 'generate').hits).toEqual([undefined]);
    expect(check('the news', 'new').hits).toEqual(['start']); // only the start of a longer word
    expect(check('what is new', 'news').hits).toEqual([undefined]);
  });

  it.each([
    ['networks', 'network'], ['initializing', 'initialize'], ['initialized', 'initializing'], ['dropping', 'drop'],
    ['dropped', 'dropping'], ['variances', 'variance'], ['studies', 'study'], ['studied', 'study'], ['matches', 'match'],
  ])('“%s” is a form of “%s” and the other way round', (a, b) => {
    expect(check(`the ${b} here`, a).hits).toEqual(['form']);
    expect(check(`the ${a} here`, b).hits).toEqual(['form']);
  });

  it('a possessive is a form of its word, with a straight or curly apostrophe', () => {
    expect(check('Glorot and Xavier are one', 'Xavier’s').hits).toEqual(['form']);
    expect(check('the seed and the draws', "seed's dropout’s").hits).toEqual(['form', undefined]);
    expect(check('the seed of dropout', 'seed’s dropout\'s').hits).toEqual(['form', 'form']);
    expect(check('Xavier’s law', 'Xavier').hits).toEqual(['word']);
  });

  it('a number is one word: its point, comma, slash or superscript minus does not split it', () => {
    expect(queryWords('0.693 3.8 10⁻⁵ 1/6 10,000')).toEqual(['0.693', '3.8', '10⁻⁵', '1/6', '10,000']);
    expect(queryWords('end. 3 / 4')).toEqual(['end', '3', '4']);
    expect(check('about 0.693, the log of 2', '0.693').hits).toEqual(['word']);
    expect(check('about 0.693, the log of 2', '693').hits).toEqual([undefined]);
    expect(check('0 and 693', '0.693').hits).toEqual([undefined]);
    expect(check('a rate of 10⁻⁵.', '10⁻⁵').hits).toEqual(['word']);
    expect(check('a 1 in 6 chance', '1/6').hits).toEqual([undefined]);
    expect(check('a chance of 1/6', '1/6').hits).toEqual(['word']);
  });

  it('a query of symbols only has nothing to search for, and says so', () => {
    for (const q of ['√', '±', '%', '...']) {
      expect(queryWords(q)).toEqual([]);
      expect(nothingToSearch(q)).toBe(`No letters or digits to search for in “${q}”.`);
    }
  });

  it('whole words come first in the status, so each qualifier belongs to one word', () => {
    const m = check('the fan_in and fanIn in a layer', 'fan in');
    expect(m.hits).toEqual(['start', 'word']);
    expect(statusLine(['fan', 'in'], [m, m], false, 10)).toBe('2 chapters contain “in” and a word starting with “fan”.');
    const f = check('networks in layering', 'lay network in');
    expect(statusLine(['lay', 'network', 'in'], [f], false, 10)).toBe('1 chapter contains “in”, a form of “network” and a word starting with “lay”.');
    expect(partialNote(['lay', 'in', 'zzz'], check('layering in', 'lay in zzz'))).toBe('Has “in” and a word starting with “lay”; not “zzz”.');
  });

  it('short words are not compared as forms (“as” and “was” are not forms of “a” and “wa”)', () => {
    expect(check('a wa', 'as').hits).toEqual([undefined]);
    expect(check('a wa', 'was').hits).toEqual([undefined]);
    expect(check('He et al.', 'hes').hits).toEqual([undefined]);
  });

  it('a different word with a shared start is not a form of it', () => {
    expect(check('the variance grows', 'variable').hits).toEqual([undefined]);
    expect(partialNote(['networks', 'variable'], check('networks of variance', 'networks variable'))).toBe('Has “networks”; not “variable”.');
  });

  it('a formula’s scripts are not words: the “in” of n_in is not the word “in”, nor the “out” of n_out', () => {
    // Formulas reach the index as plain text (src/plugins/math-text.mjs), one word each.
    expect(check('U(±√(1/n_in)) and 2/(n_in+n_out)', 'in').hits).toEqual([undefined]);
    expect(check('U(±√(6/(n_in+n_out)))', 'out').hits).toEqual([undefined]);
    expect(check('a layer with n_in inputs', 'in').hits).toEqual([undefined]);
    // The symbol itself, and the names a formula uses, are found.
    expect(check('U(±√(1/n_in))', 'n_in').hits).toEqual(['word']);
    expect(check('n·Var(W)=1 and 2/fanIn', 'var fanIn').hits).toEqual(['word', 'word']);
  });

  it('the words next to a formula match whole, and the excerpt marks them, not the formula', () => {
    const words = wordsOf('Derive Var(z^(l))=n_in·Var(W)·E[(a^(l−1))²]. and from it the weights in a layer');
    const m = matchText(words, '', queryWords('derive in'));
    expect(m.hits).toEqual(['word', 'word']);
    expect(m.positions.map((i) => words[i])).toEqual(['Derive', 'in']);
  });
});
