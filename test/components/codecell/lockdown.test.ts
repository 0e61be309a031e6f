/** The run worker's doors: every listed global refuses with a sentence; postMessage stays for the runtime. */
import { describe, expect, it } from 'vitest';
import { CLOSED_GLOBALS, lockDown } from '../../../components/codecell/lockdown.ts';

/** A stand-in worker scope: some members on the object, some on its prototype, one accessor. */
function fakeScope() {
  const sent: unknown[] = [];
  const proto = {
    postMessage(m: unknown) { sent.push(m); },
    fetch: () => 'network!',
  };
  const scope = Object.create(proto) as Record<string, unknown>;
  scope.XMLHttpRequest = class {};
  scope.importScripts = () => 'loaded!';
  Object.defineProperty(scope, 'indexedDB', { configurable: true, get: () => ({ open: () => 'opened!' }) });
  Object.defineProperty(scope, 'WebSocket', { configurable: false, value: 'left to the CSP' });
  return { scope, proto, sent };
}

describe('lockDown', () => {
  it('replaces members on the scope and its prototypes with refusals that say why', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis);
    expect(() => (scope.fetch as () => void)()).toThrow(/^fetch is not available in a code cell: code cells run offline/);
    expect(() => new (scope.XMLHttpRequest as new () => void)()).toThrow(TypeError);
    expect(() => (scope.importScripts as () => void)()).toThrow(/only 'lib'/);
    expect(() => scope.indexedDB).toThrow(/indexedDB is not available/);
    expect(() => (scope.postMessage as (m: unknown) => void)(1)).toThrow(/console\.log and `export default`/);
  });

  it('cannot be undone by reassigning or redefining', () => {
    const { scope } = fakeScope();
    lockDown(scope as unknown as typeof globalThis);
    expect(() => { 'use strict'; scope.fetch = () => 'back'; }).toThrow(TypeError);
    expect(() => Object.defineProperty(scope, 'importScripts', { value: () => 'back' })).toThrow(TypeError);
  });

  it('hands the original postMessage to the runtime, and leaves non-configurable members alone', () => {
    const { scope, sent } = fakeScope();
    const post = lockDown(scope as unknown as typeof globalThis);
    post('hello');
    expect(sent).toEqual(['hello']);
    expect(scope.WebSocket).toBe('left to the CSP');
  });

  it('covers the network, code loading and the page channel', () => {
    for (const name of ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'Worker', 'indexedDB', 'postMessage']) {
      expect(CLOSED_GLOBALS).toContain(name);
    }
  });
});
