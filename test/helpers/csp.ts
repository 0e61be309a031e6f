/** Reading a Content-Security-Policy and judging it against issue 2, item 9. */
import { createHash } from 'node:crypto';

/** Directive name → its source list, as written (names lower-cased). First occurrence wins, as in CSP3. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Sources that make script-src meaningless: inline code, eval, or any host at all. */
const UNSAFE_SCRIPT = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:', 'https:', 'data:', 'blob:'];

/**
 * What is wrong with a policy (empty when nothing): script-src (or its default-src fallback)
 * must exist without 'unsafe-inline', 'unsafe-eval' or wildcard sources; object-src (or
 * default-src) must be exactly 'none'; base-uri (no fallback) must be 'self' or 'none'.
 */
export function cspProblems(policy: string): string[] {
  const d = parseCsp(policy);
  const problems: string[] = [];
  const script = d.get('script-src') ?? d.get('default-src');
  if (!script) problems.push('no script-src (and no default-src to fall back on)');
  else {
    const bad = script.filter((s) => UNSAFE_SCRIPT.includes(s.toLowerCase()));
    if (bad.length) problems.push(`script-src allows ${bad.join(' ')}`);
  }
  for (const name of ['script-src-elem', 'script-src-attr']) {
    const bad = (d.get(name) ?? []).filter((s) => UNSAFE_SCRIPT.includes(s.toLowerCase()));
    if (bad.length) problems.push(`${name} allows ${bad.join(' ')}`);
  }
  const object = d.get('object-src') ?? d.get('default-src');
  if (object?.join(' ') !== "'none'") problems.push(`object-src is ${object ? `"${object.join(' ')}"` : 'unset'}, want 'none'`);
  const base = d.get('base-uri');
  if (!base) problems.push('base-uri is unset (it has no default-src fallback)');
  else if (base.length !== 1 || !["'self'", "'none'"].includes(base[0])) problems.push(`base-uri is "${base.join(' ')}", want 'self' or 'none'`);
  return problems;
}

/** CSP3 fallback order for elements: script-src-elem → script-src → default-src (same for style). */
export function effectiveSources(policy: string, kind: 'script' | 'style'): string[] {
  const d = parseCsp(policy);
  return d.get(`${kind}-src-elem`) ?? d.get(`${kind}-src`) ?? d.get('default-src') ?? ['*'];
}

/**
 * Whether the policy lets an inline <script>/<style> with this exact text run: a matching
 * sha256/384/512 hash, or 'unsafe-inline' with no hash or nonce in the list (a hash or nonce
 * makes browsers ignore 'unsafe-inline', CSP Level 2).
 */
export function inlineAllowed(policy: string, kind: 'script' | 'style', text: string): boolean {
  const sources = effectiveSources(policy, kind);
  const hashes = sources.filter((s) => /^'(sha(256|384|512)|nonce)-/i.test(s));
  for (const algo of ['sha256', 'sha384', 'sha512']) {
    if (hashes.includes(`'${algo}-${createHash(algo).update(text, 'utf8').digest('base64')}'`)) return true;
  }
  return hashes.length === 0 && sources.includes("'unsafe-inline'");
}
