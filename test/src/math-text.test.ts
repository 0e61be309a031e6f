/**
 * The plain-text form of a formula that the search index holds (src/plugins/math-text.mjs, added by
 * rehype-katex-search-text.mjs). Formulas go through the site's own Markdown pipeline, read from
 * astro.config.mjs, so KaTeX's real MathML is what is linearised. The expected texts are written
 * out by hand: they are the readings a person gives the formulas, not the code's output copied.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';

type Renderer = { render(md: string): Promise<{ code: string }> };
let renderer: Renderer;

beforeAll(async () => {
  const processor = config.markdown?.processor as unknown as { createRenderer(shared: object): Promise<Renderer> };
  renderer = await processor.createRenderer({ syntaxHighlight: 'prism' });
});

/** Each formula of `md` as the built page holds it: its linear form and which parts Pagefind may index. */
async function formulas(md: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${(await renderer.render(md)).code}</body></html>`);
  return [...document.querySelectorAll('.katex')].map((k) => ({
    text: k.querySelector('[data-math-text]')?.textContent,
    hidden: k.querySelector('[data-math-text]')?.hasAttribute('hidden'),
    ignored: [...k.children].filter((c) => c.hasAttribute('data-pagefind-ignore')).map((c) => c.className),
  }));
}

const linear = async (tex: string) => (await formulas(`$${tex}$`))[0]?.text;

describe('a formula in the search index', () => {
  it('reads the table of the initialization chapter as the formulas it contrasts', async () => {
    expect(await linear(String.raw`U(\pm\sqrt{1/n_{\text{in}}})`)).toBe('U(±√(1/n_in))');
    expect(await linear(String.raw`U(\pm\sqrt{6/(n_{\text{in}}+n_{\text{out}})})`)).toBe('U(±√(6/(n_in+n_out)))');
    expect(await linear(String.raw`U(\pm\sqrt{2/n_{\text{in}}})`)).toBe('U(±√(2/n_in))');
    expect(await linear(String.raw`2/(3 n_{\text{in}})`)).toBe('2/(3n_in)');
  });

  it('brackets a fraction’s parts and a root’s content only when they are more than one symbol', async () => {
    expect(await linear(String.raw`\frac{2}{n_{\text{in}} + n_{\text{out}}}`)).toBe('2/(n_in+n_out)');
    expect(await linear(String.raw`\frac{a+b}{2}`)).toBe('(a+b)/2');
    expect(await linear(String.raw`1/\sqrt2`)).toBe('1/√2');
    expect(await linear(String.raw`\frac{\partial J}{\partial W^{(l)}}`)).toBe('∂J/∂W^(l)');
  });

  it('sets a fraction next to a factor apart, so ½n does not read as 1/(2n)', async () => {
    expect(await linear(String.raw`\tfrac12\, n_{\text{in}} \operatorname{Var}(W)`)).toBe('(1/2)·n_in·Var(W)');
    expect(await linear(String.raw`\eta\, \frac{\partial J}{\partial b}`)).toBe('η(∂J/∂b)');
    expect(await linear(String.raw`\frac{1}{N} \sum_{i=1}^{N} \ell_i`)).toBe('(1/N)∑_(i=1)^(N)ℓ_i');
  });

  it('writes scripts with _ and ^, bracketed when longer than one word, and whole-number powers raised', async () => {
    expect(await linear(String.raw`W^{(l)}_{ij}`)).toBe('W_ij^(l)');
    expect(await linear(String.raw`\mathbb{R}^{B \times n}`)).toBe('ℝ^(B×n)');
    expect(await linear(String.raw`2^{-30} + r^2 + 2^{-l/2}`)).toBe('2⁻³⁰+r²+2^(−l/2)');
    expect(await linear(String.raw`\sum_{ij} w_{ij}^2`)).toBe('∑_(ij)w_ij²');
    expect(await linear(String.raw`\hat{y}_i`)).toBe('ŷ_i');
    expect(await linear(String.raw`{\tfrac12}^2`)).toBe('(1/2)²');
  });

  it('puts a dot between factors that would otherwise run into one name', async () => {
    expect(await linear(String.raw`n \operatorname{Var}(W) = 1`)).toBe('n·Var(W)=1');
    expect(await linear(String.raw`\operatorname{Var}(W)\,\mathbb{E}[a^2]`)).toBe('Var(W)·E[a²]');
    // Single letters and a coefficient run together as in print.
    expect(await linear(String.raw`2ab`)).toBe('2ab');
    expect(await linear(String.raw`\ln 2 \approx 0.693`)).toBe('ln(2)≈0.693');
  });

  it('keeps the words and wide gaps of a formula as spaces, and nothing else', async () => {
    expect(await linear(String.raw`a = 1, \qquad W \sim \mathcal{N}\!\left(0, \tfrac{2}{n}\right) \;\text{ or }\; b \quad\Longrightarrow\quad c`)).toBe('a=1, W∼N(0,2/n) or b ⟹ c');
    expect(await linear(String.raw`1/(1-\texttt{dropRate})`)).toBe('1/(1−dropRate)');
    expect(await linear(String.raw`\underbrace{a+b}_{\text{data loss}} + c`)).toBe('{a+b}_(data loss)+c');
  });

  it('is hidden from the page, with KaTeX’s two renderings kept out of the index, inline and displayed', async () => {
    const found = await formulas('Inline $x^2$ and displayed:\n\n$$\n\\sqrt{x}\n$$\n');
    expect(found).toEqual([
      { text: 'x²', hidden: true, ignored: ['katex-mathml', 'katex-html'] },
      { text: '√x', hidden: true, ignored: ['katex-mathml', 'katex-html'] },
    ]);
  });
});
