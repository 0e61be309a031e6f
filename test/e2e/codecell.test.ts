/**
 * Code cells in a real Chromium, on the built widget reference page (issue 4, item 6 and its
 * browser tests): nothing runs on load or from the URL; Run, Ctrl/Cmd+Enter, Stop and Reset
 * work; errors name the reader's line; checks say what differs; hostile snippets are stopped or
 * refused within 5 s while the page stays responsive (no main-thread task over 200 ms) and no
 * request leaves the origin; the eager script stays under 5 KB gzip; axe finds nothing serious.
 *
 * Needs on /widgets/: <CodeCell id="codecell-demo" …/> (default 5 s limit) and
 * <CodeCell id="codecell-exercise" check="heNormal" timeoutMs={3000} …/>.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_TAGS } from '../helpers/axe.ts';
import { launchChromium, TIMED, watchedContext, type WatchedContext } from '../helpers/browser.ts';
import { runCell, setCode as setCodeIn } from '../helpers/codecell.ts';
import { DIST, fileForPath, requireDist } from '../helpers/dist.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

const PAGE = '/widgets/';
const DEMO = '#codecell-demo';
const SANDBOX = '#codecell-exercise'; // timeoutMs={3000}
requireDist(); // throws (never skips) without a built site

let server: StaticServer;
let browser: Browser;
let w: WatchedContext;
let page: Page;
/** Another origin that counts every request it receives: it must receive none. */
let elsewhere: Server;
let elsewhereOrigin = '';
const elsewhereHits: string[] = [];

beforeAll(async () => {
  server = await serveStatic(DIST);
  elsewhere = createServer((req, res) => { elsewhereHits.push(req.url ?? ''); res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/javascript' }).end('export default 1'); });
  await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
  elsewhereOrigin = `http://localhost:${(elsewhere.address() as AddressInfo).port}`; // localhost ≠ 127.0.0.1: another origin
  browser = await launchChromium();
  w = await watchedContext(browser, server.origin);
  w.context.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await w.context.addInitScript(() => {
    const long: number[] = ((window as unknown as { __longTasks: number[] }).__longTasks = []);
    new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  page = await w.context.newPage();
  await page.goto(server.origin + PAGE, { waitUntil: 'load' });
});
afterAll(async () => {
  await w?.context.close();
  await browser?.close();
  await server?.close();
  await new Promise((done) => elsewhere?.close(done));
});

/** The files a module script pulls in statically, itself included (paths under dist/). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const js = readFileSync(file, 'utf8');
  for (const m of js.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)) {
    staticClosure(join(file, '..', m[1]), seen);
  }
  return seen;
}

/** The code cell's eager script: the module script of the page whose closure defines <code-cell>. */
function eagerFiles(): string[] {
  const file = fileForPath(PAGE);
  if (!file) throw new Error(`dist/ has no ${PAGE} page: the widget reference page must be built (src/pages/widgets.astro)`);
  const html = readFileSync(file, 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => fileForPath(m[1])!);
  const cell = entries.map((e) => [...staticClosure(e)]).find((files) => files.some((f) => /["'`]code-cell["'`]/.test(readFileSync(f, 'utf8'))));
  if (!cell) throw new Error(`${PAGE} has no module script that defines <code-cell>`);
  return cell;
}

/** URLs the eager script loads later (workers, dynamic imports): none may load before a Run or Edit. */
function lazyUrls(): string[] {
  const text = eagerFiles().map((f) => readFileSync(f, 'utf8')).join('\n');
  const urls = [...text.matchAll(/["'`](\/_astro\/[^"'`]+\.js)["'`]/g)].map((m) => m[1]);
  const dynamic = [...text.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => `/_astro/${m[1]}`);
  return [...new Set([...urls, ...dynamic])];
}

/** Paths requested so far by the pages and their workers (recorded from the first page on). */
const requested: string[] = [];
const lazyRequested = (pattern: RegExp) => lazyUrls().filter((u) => pattern.test(u) && requested.includes(u));

const setCode = (cell: Locator, code: string) => setCodeIn(page, cell, code);
const run = (cell: Locator, how: 'click' | 'keys' = 'click') => runCell(page, cell, how);

const longTasks = () => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));

describe('code cell: loading', () => {
  it('ships less than 5 KB gzip of eager script and loads compiler, engine and editor only later', async () => {
    const bytes = eagerFiles().reduce((t, f) => t + gzipSync(readFileSync(f)).length, 0);
    expect(bytes, `eager code-cell script: ${eagerFiles().map((f) => f.slice(DIST.length)).join(', ')}`).toBeLessThan(5 * 1024);
    const lazy = lazyUrls();
    expect(lazy.length, 'the eager script names the compile worker, the runtime and the lazy modules').toBeGreaterThanOrEqual(3);
    expect(requested.filter((u) => lazy.includes(u))).toEqual([]);
  });

  it('runs nothing on load or from the URL', async () => {
    const p = await w.context.newPage();
    await p.goto(`${server.origin}${PAGE}?run=codecell-demo&code=while(true)%7B%7D#codecell-demo`, { waitUntil: 'load' });
    await p.waitForTimeout(1000);
    const cells = p.locator('[data-widget="CodeCell"]');
    expect(await cells.count()).toBeGreaterThanOrEqual(2);
    expect(await p.locator('[data-widget="CodeCell"] [data-status]').allInnerTexts()).toEqual((await cells.all()).map(() => ''));
    expect(await p.locator('[data-widget="CodeCell"] [data-output] > *').count()).toBe(0);
    expect(requested.filter((u) => lazyUrls().includes(u))).toEqual([]);
    await p.close();
  });
});

describe('code cell: running', () => {
  it('runs the original code on Run: a result, "Done", and no console error or CSP violation', async () => {
    const cell = page.locator(DEMO);
    w.reset(); // what page loads do is pages.test.ts's business; here, what a run does
    const { status } = await run(cell);
    expect(status).toMatch(/^Done in \d+ (ms|\.\d s)\./);
    expect(await cell.locator('[data-output] > *').count()).toBeGreaterThan(0);
    expect(lazyRequested(/compile\.worker|runtime|render/), 'Run loads the compiler, the runtime and the renderer').toHaveLength(3);
    expect(lazyRequested(/editor/), 'but not the editor').toEqual([]);
    expect(w.trouble.cspViolations).toEqual([]);
    expect(w.trouble.consoleErrors).toEqual([]);
  });

  it('edits, runs with Ctrl/Cmd+Enter, shows text as text (never HTML), and resets to the original', async () => {
    const cell = page.locator(DEMO);
    const original = await cell.locator('[data-code] pre code').textContent();
    await setCode(cell, "console.log('<img src=x onerror=\"window.__xss = 1\">');\nexport default [{ name: '<b>bold</b>', value: 1 }];");
    expect(await run(cell, 'keys')).toMatchObject({ status: expect.stringMatching(/^Done/) });
    expect(await cell.locator('[data-console]').innerText()).toContain('<img src=x onerror="window.__xss = 1">');
    expect(await cell.locator('[data-output] td').allInnerTexts()).toContain('<b>bold</b>');
    expect(await cell.locator('[data-output] img, [data-output] b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await cell.locator('[data-action="reset"]').click();
    expect((await cell.locator('.cm-line').allTextContents()).join('\n')).toBe(original);
    expect(await cell.locator('[data-status]').innerText()).toBe('Back to the original code. Undo reset brings your edits back.');
    expect(await cell.locator('[data-output] > *').count()).toBe(0);
  });

  it('draws an exported series as a chart (one named image) with its table', async () => {
    const cell = page.locator(DEMO);
    await setCode(cell, "export default { series: [{ name: 'train', y: [1, 0.5, 0.25] }, { name: 'diverged', y: [1, 10, NaN] }], xLabel: 'step' };");
    expect((await run(cell)).status).toMatch(/^Done/);
    const svg = cell.locator('[data-output] figure svg[role="img"]');
    await svg.waitFor({ timeout: 10_000 });
    expect(await svg.getAttribute('aria-label')).toMatch(/train, diverged/);
    expect(await cell.locator('[data-output] details table tbody tr').count()).toBe(3);
  });

  it('draws every finite value of a returned series, breaks it at the others and says which (not "diverged")', async () => {
    const cell = page.locator(DEMO);
    const y = [1, NaN, Infinity, 3, -Infinity, 2];
    await setCode(cell, `export default [${y.map(String).join(', ')}];`);
    expect((await run(cell)).status).toMatch(/^Done/);
    const svg = cell.locator('[data-output] figure svg[role="img"]');
    await svg.waitFor({ timeout: 10_000 });
    const finite = y.filter(Number.isFinite).length;
    expect(await svg.locator('circle').count()).toBe(finite);
    const xTicks = (await svg.locator('g[font-variant="tabular-nums"]:not([text-anchor="end"]) text').allTextContents()).map((t) => Number(t.replace('−', '-')));
    expect([Math.min(...xTicks), Math.max(...xTicks)]).toEqual([0, y.length - 1]);
    const description = await svg.getAttribute('aria-description');
    expect(description).toContain(`value is not finite at ${y.length - finite} of its ${y.length} points (not a number at x = 1; +∞ at x = 2; −∞ at x = 4)`);
    expect(description).not.toMatch(/diverged/);
  });

  it("names the reader's line of an error, and of a syntax error with its column", async () => {
    const cell = page.locator(DEMO);
    await setCode(cell, "import { createRng } from 'lib';\nconst rng: { normal(): number } = createRng(1);\nconst w = (null as unknown as number[]).length;");
    expect((await run(cell)).status).toMatch(/^TypeError on line 3: /);
    expect(await cell.locator('[data-error]').getAttribute('data-error')).toBe('3');
    await setCode(cell, 'const a = 1;\nconst b = ;');
    expect((await run(cell)).status).toBe('SyntaxError on line 2, column 11: Unexpected token');
  });

  it("refuses a module other than 'lib' and a name 'lib' does not export, saying which and where", async () => {
    const cell = page.locator(DEMO);
    await setCode(cell, "import { heNormal, createRng } from 'lib';\n\nexport default heNormal(3, 2, createRng(1));");
    const missing = (await run(cell)).status;
    expect(missing).toMatch(/^ImportError on line 1: “lib” has no export named “heNormal”\. Did you mean “INITIALIZERS\.heNormal”/);
    expect(missing).not.toMatch(/reading 'call'/);
    await setCode(cell, "const a = 1;\nimport x from 'fs';\nexport default a;");
    expect((await run(cell)).status).toBe('ImportError on line 2: “fs” cannot be imported: a code cell can import only “lib”, the engine.');
    expect(await cell.locator('[data-error]').getAttribute('data-error')).toBe('2');
  });

  it('stops at once on Stop, and runs again after', TIMED, async () => {
    const cell = page.locator(DEMO);
    await setCode(cell, 'while (true) {}');
    await cell.locator('[data-action="run"]').click();
    await page.waitForTimeout(300);
    const t0 = Date.now();
    await cell.locator('[data-action="stop"]').click();
    await expect.poll(() => cell.locator('[data-status]').innerText(), { timeout: 1000 }).toMatch(/^Stopped by you after \d\.\d s\.$/);
    expect(Date.now() - t0).toBeLessThan(1000);
    await setCode(cell, 'export default 6 * 7;');
    expect((await run(cell)).status).toMatch(/^Done/);
    expect(await cell.locator('[data-output]').innerText()).toContain('42');
  });

  it('checks an exercise and says what differs, then that it passes', async () => {
    const cell = page.locator(SANDBOX);
    const he = (variance: string) => `import { zeros, type Matrix, type Rng } from 'lib';\nexport function heNormal(fanIn: number, fanOut: number, rng: Rng): Matrix {\n  const w = zeros(fanIn, fanOut);\n  for (let i = 0; i < w.data.length; i++) w.data[i] = rng.normal() * Math.sqrt(${variance});\n  return w;\n}`;
    await setCode(cell, he('1 / fanIn'));
    expect((await run(cell)).status).toMatch(/The check found a difference/);
    expect(await cell.locator('[data-check-report]').innerText()).toMatch(/He normal’s is 0\.02 \(= 2\/fanIn with fanIn = 100.*did you use 1\/fanIn\?/s);
    await setCode(cell, he('2 / fanIn'));
    expect((await run(cell)).status).toMatch(/The check passed\./);
    expect(await cell.locator('[data-check-report]').getAttribute('data-check-report')).toBe('passed');
  });

  it("names the reader's line when their function throws during the check, as at top level", async () => {
    const cell = page.locator(SANDBOX);
    const code = `import { zeros, type Matrix, type Rng } from 'lib';\nexport function heNormal(fanIn: number, fanOut: number, rng: Rng): Matrix {\n  const w = zeros(fanIn, fanOut);\n  const table = undefined as unknown as number[][];\n  w.data[0] = table[0][0] * rng.normal();\n  return w;\n}`;
    const line = code.split('\n').findIndex((l) => l.includes('table[0][0]')) + 1;
    await setCode(cell, code);
    expect((await run(cell)).status).toMatch(/The check found a difference/);
    expect(await cell.locator('[data-check-report]').innerText()).toMatch(new RegExp(`Your function threw for fanIn = 100, fanOut = 200: TypeError on line ${line}: Cannot read properties of undefined`));
  });
});

/** [name, code, what the status must say]. `OTHER` is replaced by the counting server's origin. */
const HOSTILE: [string, string, RegExp][] = [
  ['an infinite loop', 'while (true) {}', /^Stopped after 3\.0 s: the code was still running\. Infinite loop\?/],
  ['unbounded recursion', 'function down(n: number): number { return down(n + 1) + 1; }\nexport default down(0);', /^RangeError on line 1: Maximum call stack size exceeded/],
  ['a 1e9-element array', 'const big = new Array(1e9).fill(0);\nexport default big.length;', /^(Stopped after 3\.0 s|RangeError)/],
  ['a 1e9-element typed array', 'const big = new Float64Array(1e9);\nexport default big.length;', /^(Done|RangeError|Stopped after 3\.0 s)/],
  ['a flood of 1e6 console.log calls', 'for (let i = 0; i < 1e6; i++) console.log("line", i);', /^Done/],
  ['a flood of 1e6 postMessage calls', 'for (let i = 0; i < 1e6; i++) postMessage(i);', /^TypeError on line 1: postMessage is not available in a code cell/],
  ['document access', 'document.body.innerHTML = "<img src=x>";', /^ReferenceError on line 1: document is not defined/],
  ['fetch to another origin', 'const r = await fetch("https://example.com/");\nexport default r.status;', /^TypeError on line 1: fetch is not available in a code cell/],
  ['fetch to a live other origin', 'await fetch("OTHER/fetch");', /^TypeError on line 1: fetch is not available/],
  ['XMLHttpRequest and WebSocket', 'try { new WebSocket("ws://OTHER_HOST/ws"); } catch (e) { console.log(String(e)); }\nconst x = new XMLHttpRequest();', /^TypeError on line 2: XMLHttpRequest is not available/],
  ['importScripts', 'importScripts("OTHER/script.js");', /^TypeError on line 1: importScripts is not available in a code cell/],
  ['a dynamic import from another origin', 'const m = await import("OTHER/module.js");', /^ImportError on line 1: “http:\/\/localhost:\d+\/module\.js” cannot be imported: a code cell can import only “lib”, the engine\.$/],
  ['a nested worker', 'new Worker("OTHER/worker.js");', /^TypeError on line 1: Worker is not available/],
  ['eval', 'export default eval("fetch(\'OTHER/eval\')");', /^EvalError on line 1: eval and new Function are not available/],
];

describe('code cell: hostile code', () => {
  it.each(HOSTILE)('%s is stopped or refused within 5 s, the page stays responsive', TIMED, async (_name, code, expected) => {
    const cell = page.locator(SANDBOX);
    await setCode(cell, code.replaceAll('OTHER_HOST', new URL(elsewhereOrigin).host).replaceAll('OTHER', elsewhereOrigin));
    await longTasks();
    const { status, ms } = await run(cell);
    expect(status).toMatch(expected);
    expect(ms, 'from the click to the final status').toBeLessThan(5000);
    expect((await longTasks()).filter((d) => d > 200), 'main-thread tasks over 200 ms').toEqual([]);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
  });

  it('keeps the first 1,000 console lines of a flood and says how many were dropped', async () => {
    const cell = page.locator(SANDBOX);
    await setCode(cell, 'for (let i = 0; i < 1e6; i++) console.log("line", i);');
    await run(cell);
    const lines = (await cell.locator('[data-console]').textContent())!.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1000);
    expect([lines[0], lines[999]]).toEqual(['line 0', 'line 999']);
    expect(await cell.locator('[data-dropped]').innerText()).toMatch(/^999,000 more console lines were not shown/);
  });

  it('sent no request to another origin', () => {
    expect(w.trouble.otherOrigins).toEqual([]);
    expect(elsewhereHits).toEqual([]);
  });

  it('has a fresh worker ready after all that', async () => {
    const cell = page.locator(SANDBOX);
    await setCode(cell, "import { createRng } from 'lib';\nexport default createRng(1).uniform() >= 0;");
    expect((await run(cell)).status).toMatch(/^Done/);
    expect(await cell.locator('[data-output]').innerText()).toContain('true');
  });
});

describe('code cell: accessibility', () => {
  const axe = async () => {
    const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).include('[data-widget="CodeCell"]').analyze();
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  it.each(['light', 'dark'] as const)('axe finds no serious violation in the %s theme with cells idle, running, and showing output', async (scheme) => {
    const fresh = await w.context.newPage();
    const main = page;
    page = fresh;
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.origin + PAGE, { waitUntil: 'load' });
    expect(await axe(), 'initial').toEqual([]);
    const cell = page.locator(DEMO);
    await run(cell);
    expect(await axe(), 'with output').toEqual([]);
    await setCode(cell, 'console.log("still going"); while (true) {}');
    await cell.locator('[data-action="run"]').click();
    await page.waitForTimeout(200);
    expect(await axe(), 'running, editor open').toEqual([]);
    // axe may outlast the 5 s watchdog on a busy machine; Stop only what still runs.
    if ((await cell.getAttribute('data-running')) !== null) await cell.locator('[data-action="stop"]').click();
    await setCode(cell, 'throw new Error("on purpose")');
    await run(cell);
    expect(await axe(), 'with an error').toEqual([]);
    page = main;
    await fresh.close();
  });
});
