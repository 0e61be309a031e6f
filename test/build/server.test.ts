/** The static server used by the browser tests, on a throw-away folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../helpers/server.ts';

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'index.html'), 'home');
  writeFileSync(join(dir, 'a', 'index.html'), 'page a');
  writeFileSync(join(dir, '404.html'), 'not here');
  writeFileSync(join(dir, 'm.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dir, 'f.woff2'), 'x');
  writeFileSync(join(dir, 'j.mjs'), 'export {}');
  writeFileSync(join(tmpdir(), 'outside-static-root.txt'), 'secret');
  server = await serveStatic(dir);
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'outside-static-root.txt'), { force: true });
});

const get = (path: string) => fetch(server.origin + path);

describe('serveStatic', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  it('serves directories as index.html and ignores the query string', async () => {
    expect(await (await get('/')).text()).toBe('home');
    expect(await (await get('/a/?q=word#x')).text()).toBe('page a');
    expect((await get('/a/')).headers.get('content-type')).toMatch(/^text\/html/);
  });
  it.each([['/m.wasm', 'application/wasm'], ['/f.woff2', 'font/woff2'], ['/j.mjs', 'text/javascript']])('serves %s as %s', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(new RegExp(`^${type}`));
  });
  it('answers unknown paths with 404.html and status 404', async () => {
    const res = await get('/nope/');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('not here');
  });
  it('does not serve files outside its folder', async () => {
    const res = await get('/..%2Foutside-static-root.txt');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });
});
