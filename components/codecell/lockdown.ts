/**
 * Closes the run worker's doors to the outside before the reader's code runs. The guarantee is
 * the page's Content-Security-Policy, which a blob: worker inherits (connect-src 'self',
 * script-src without 'unsafe-eval'; see client.ts); these replacements come first so that a
 * reader who tries gets a sentence about why instead of a network error, and so that nothing
 * is even attempted. Also takes `postMessage` away from the reader: only the runtime talks to
 * the page, in bounded batches.
 * @module
 */

/** Globals that reach the network, storage shared with the page, or load code. */
export const CLOSED_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport',
  'importScripts', 'Worker', 'SharedWorker', 'FontFace', 'indexedDB', 'caches',
  'BroadcastChannel', 'RTCPeerConnection', 'close', 'postMessage',
] as const;

/** Why each door is closed, for the error the reader sees. */
function reason(name: string): string {
  if (name === 'postMessage') return 'a cell talks to the page through console.log and `export default`';
  if (name === 'close') return 'the cell ends when its code ends';
  if (name === 'importScripts' || name === 'Worker' || name === 'SharedWorker') return "a cell can import only 'lib', the engine";
  return 'code cells run offline, with the engine only';
}

/**
 * Replaces every name in {@link CLOSED_GLOBALS} on `scope` and on its prototype chain (WebIDL puts
 * some members on the global object, some on its prototypes) with a function that throws a
 * TypeError, as a refused call would (accessors such as `indexedDB` throw when read). Non-configurable properties are left to the CSP.
 * Returns the original `postMessage`, bound, for the runtime's own use.
 */
export function lockDown(scope: typeof globalThis): (message: unknown) => void {
  const post = (scope as unknown as { postMessage: (m: unknown) => void }).postMessage.bind(scope);
  for (const name of CLOSED_GLOBALS) {
    const refuse = function refused(): never {
      throw new TypeError(`${name} is not available in a code cell: ${reason(name)}.`);
    };
    for (let o: object | null = scope; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (!d || !d.configurable) continue;
      // An accessor (indexedDB, caches) refuses when read; a method or constructor when called.
      const replacement = d.get ? { get: refuse } : { value: refuse, writable: false };
      Object.defineProperty(o, name, { ...replacement, configurable: false, enumerable: false });
    }
  }
  return post;
}
