/**
 * The browser harness itself, on a deliberately bad page: each kind of trouble the page tests
 * look for must be caught, so that a green run of pages.test.ts means something.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { launchChromium, watchedContext } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

const BAD_PAGE = `<!doctype html><html lang="en"><head>
<meta http-equiv="content-security-policy" content="default-src 'self'; img-src 'self' https:; script-src 'self'; object-src 'none'; base-uri 'self'">
<title>bad</title></head><body><main>
<img src="https://images.example/x.png" alt="from elsewhere"><!-- img-src lets it through to the router -->
<img src="/missing.png">
<script>document.title = 'inline ran';</script>
<script src="/bad.js"></script>
</main></body></html>`;
const BAD_JS = `console.error('deliberate console error'); setTimeout(() => { throw new Error('deliberate uncaught error'); });`;

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'harness-'));
  writeFileSync(join(dir, 'index.html'), BAD_PAGE);
  writeFileSync(join(dir, 'bad.js'), BAD_JS);
  server = await serveStatic(dir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('catches console errors, uncaught errors, CSP violations, other origins, failed requests and axe violations', async () => {
  const w = await watchedContext(browser, server.origin);
  const page = await w.context.newPage();
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(100); // let the deliberate setTimeout throw
  const axe = await seriousAxeViolations(page);
  expect(await page.title(), 'the inline script must have been blocked').toBe('bad');
  await w.context.close();

  expect(w.trouble.consoleErrors.join('\n')).toContain('deliberate console error');
  expect(w.trouble.pageErrors.join('\n')).toContain('deliberate uncaught error');
  expect(w.trouble.cspViolations.join('\n')).toMatch(/script-src/);
  expect(w.trouble.otherOrigins).toEqual(['image https://images.example/x.png']);
  expect(w.trouble.failedRequests).toEqual([`404 ${server.origin}/missing.png`]);
  expect(axe.join('\n')).toContain('image-alt');
});
