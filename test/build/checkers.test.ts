/**
 * The build-output checkers themselves, on synthetic inputs: each must flag what it is meant to
 * flag, so that a green output.test.ts means something.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cspProblems, inlineAllowed, parseCsp } from '../helpers/csp.ts';
import { cssUrls, htmlRefs, isOtherOrigin, jsRefs, srcsetUrls } from '../helpers/refs.ts';

const STRICT = "default-src 'self'; script-src 'self' 'sha256-abc=' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";
const doc = (html: string) => parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document as unknown as Document;

describe('cspProblems', () => {
  it('accepts a strict policy', () => {
    expect(cspProblems(STRICT)).toEqual([]);
    expect(parseCsp(STRICT).get('script-src')).toEqual(["'self'", "'sha256-abc='", "'wasm-unsafe-eval'"]);
  });
  it.each([
    ["script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'", "script-src allows 'unsafe-inline'"],
    ["script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'", "script-src allows 'unsafe-eval'"],
    ["default-src https:; object-src 'none'; base-uri 'self'", 'script-src allows https:'],
    ["object-src 'none'; base-uri 'self'", 'no script-src'],
    ["script-src 'self'; base-uri 'self'", 'object-src is unset'],
    ["default-src 'self'; script-src 'self'; base-uri 'self'", `object-src is "'self'"`],
    ["script-src 'self'; object-src 'none'", 'base-uri is unset'],
    ["script-src 'self'; object-src 'none'; base-uri *", 'base-uri is "*"'],
  ])('flags %s', (policy, problem) => {
    expect(cspProblems(policy).join('\n')).toContain(problem);
  });
  it('lets default-src stand in for object-src when it is none', () => {
    expect(cspProblems("default-src 'none'; script-src 'self'; base-uri 'none'")).toEqual([]);
  });
});

describe('inlineAllowed', () => {
  const code = 'document.documentElement.dataset.theme = "dark";\n';
  const hash = `'sha256-${createHash('sha256').update(code).digest('base64')}'`;
  it('allows inline code whose hash is listed, and nothing else', () => {
    expect(inlineAllowed(`script-src 'self' ${hash}`, 'script', code)).toBe(true);
    expect(inlineAllowed(`script-src 'self' ${hash}`, 'script', `${code} `)).toBe(false);
    expect(inlineAllowed("script-src 'self'", 'script', code)).toBe(false);
  });
  it("honours 'unsafe-inline' only without hashes, and the -elem and default-src fallbacks", () => {
    expect(inlineAllowed("style-src 'self' 'unsafe-inline'", 'style', 'a{}')).toBe(true);
    expect(inlineAllowed(`style-src 'unsafe-inline' ${hash}`, 'style', 'a{}')).toBe(false);
    expect(inlineAllowed(`default-src 'self'; script-src-elem ${hash}`, 'script', code)).toBe(true);
    expect(inlineAllowed(`default-src ${hash}`, 'script', code)).toBe(true);
  });
});

describe('htmlRefs', () => {
  it('finds loaded resources of every kind, but not navigation links', () => {
    const refs = htmlRefs(doc(`
      <link rel="stylesheet" href="https://cdn.example/a.css"><link rel="icon" href="/favicon.svg">
      <link rel="canonical" href="https://elsewhere.example/"><link rel="preconnect" href="https://fonts.example">
      <script src="/x.js"></script><img src="a.png" srcset="b.png 1x, https://img.example/c.png 2x">
      <iframe src="https://frame.example/"></iframe><video poster="p.jpg"><track src="t.vtt"></video>
      <object data="o.pdf"></object><svg><use href="https://sprites.example/s.svg#i"></use></svg>
      <div style="background: url('https://bg.example/x.png')"></div><style>@import "https://css.example/i.css";</style>
      <a href="https://reading.example/paper">a citation</a>`));
    const urls = refs.map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining([
      'https://cdn.example/a.css', '/favicon.svg', 'https://fonts.example', '/x.js', 'a.png', 'b.png',
      'https://img.example/c.png', 'https://frame.example/', 'p.jpg', 't.vtt', 'o.pdf',
      'https://sprites.example/s.svg#i', 'https://bg.example/x.png', 'https://css.example/i.css',
    ]));
    expect(urls).not.toContain('https://elsewhere.example/');
    expect(urls).not.toContain('https://reading.example/paper');
  });
  it('parses srcset and CSS url()/@import, skipping comments and #fragments', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png']);
    expect(cssUrls(`@import url("x.css"); @import 'y.css'; a{b:url(z.woff2)} /* url(gone.png) */ c{filter:url(#f)}`))
      .toEqual(['x.css', 'z.woff2', 'y.css']);
  });
});

describe('jsRefs and isOtherOrigin', () => {
  it('finds workers, dynamic and static imports, fetches and new URL(…, import.meta.url)', () => {
    const js = `import{a}from"./chunk.js";new Worker(new URL("https://w.example/w.js",import.meta.url),{type:"module"});
      import("https://esm.example/m.js");fetch(\`https://api.example/\${q}\`);importScripts('//cdn.example/s.js');
      const ns="http://www.w3.org/2000/svg";const u=new URL(\`https://parse.example\${p}\`);
      const img=new URL('https://asset.example/a.png',import.meta.url);`;
    const refs = jsRefs(js).map((r) => r.url);
    expect(refs).toEqual(expect.arrayContaining(['./chunk.js', 'https://w.example/w.js', 'https://esm.example/m.js', 'https://api.example/', '//cdn.example/s.js', 'https://asset.example/a.png']));
    expect(refs).not.toContain('https://parse.example'); // builds a URL object, loads nothing
    expect(refs).not.toContain('http://www.w3.org/2000/svg'); // a namespace, never loaded
    const site = 'http://site.test/_astro/x.js';
    expect(new Set(refs.filter((u) => isOtherOrigin(u, site))).size).toBe(5);
  });
  it('treats data: and blob: as local and protocol-relative URLs as remote', () => {
    const base = 'http://site.test/a/';
    expect(isOtherOrigin('data:font/woff2;base64,AA', base)).toBe(false);
    expect(isOtherOrigin('blob:http://site.test/1', base)).toBe(false);
    expect(isOtherOrigin('../b.css', base)).toBe(false);
    expect(isOtherOrigin('//cdn.example/x', base)).toBe(true);
  });
});
