/** Reading a Content-Security-Policy and judging it against issue 2, item 9. */

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
