/**
 * Build-time validation of `<CodeCell>` props: a bad prop fails the build with the prop's name,
 * what it got and what is allowed.
 * @module
 */
import { aKind } from '../runtime/a-kind.ts';

/** Watchdog bounds in milliseconds: long enough to train a small network, short enough to wait for. */
export const TIMEOUT_MIN_MS = 100;
export const TIMEOUT_MAX_MS = 30_000;
export const TIMEOUT_DEFAULT_MS = 5_000;

/** Longest code a cell may ship (characters); a chapter's snippet is a few hundred. */
export const CODE_MAX_CHARS = 50_000;

/** Props as written in MDX. */
export type CodeCellProps = {
  code: unknown;
  timeoutMs?: unknown;
  check?: unknown;
  title?: unknown;
  id?: unknown;
};

/** Props after validation. */
export type CodeCellConfig = { code: string; timeoutMs: number; check?: string; title?: string; id?: string };

const KNOWN = ['code', 'timeoutMs', 'check', 'title', 'id'];
const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Checks and normalises the props of one cell. `where` names the page for the message (e.g. the
 * chapter file); `checks` lists the names the check registry knows.
 * @throws Error naming the prop, the value received and what is allowed.
 */
export function validateCodeCellProps(props: CodeCellProps, checks: readonly string[], where = 'a page'): CodeCellConfig {
  const fail = (prop: string, got: unknown, allowed: string): never => {
    throw new Error(`<CodeCell ${prop}> in ${where}: got ${describe(got)}; ${allowed}.`);
  };
  // data-astro-* are Astro's scoped-style attributes, added to components on pages with a <style>.
  const unknown = Object.keys(props).filter((k) => !KNOWN.includes(k) && !k.startsWith('data-astro-'));
  if (unknown.length > 0) fail(unknown[0], (props as Record<string, unknown>)[unknown[0]], `<CodeCell> takes only ${KNOWN.join(', ')}`);
  const { code, timeoutMs = TIMEOUT_DEFAULT_MS, check, title, id } = props;
  if (typeof code !== 'string' || code.trim() === '') {
    fail('code', code, "expected the text of a .ts file, imported with `import snippet from './snippet.ts?raw'` and passed as code={snippet}");
  }
  const text = code as string;
  if (text.length > CODE_MAX_CHARS) fail('code', `${text.length} characters`, `at most ${CODE_MAX_CHARS} are allowed`);
  if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < TIMEOUT_MIN_MS || timeoutMs > TIMEOUT_MAX_MS) {
    fail('timeoutMs', timeoutMs, `allowed: an integer number of milliseconds from ${TIMEOUT_MIN_MS} to ${TIMEOUT_MAX_MS} (default ${TIMEOUT_DEFAULT_MS})`);
  }
  if (check !== undefined && (typeof check !== 'string' || !checks.includes(check))) {
    fail('check', check, `allowed: ${checks.map((c) => `"${c}"`).join(', ')} (see components/codecell/checks.ts), or leave it out`);
  }
  if (title !== undefined && (typeof title !== 'string' || title.trim() === '' || title.length > 120)) {
    fail('title', title, 'allowed: a non-empty text of at most 120 characters');
  }
  if (id !== undefined && (typeof id !== 'string' || !ID.test(id))) {
    fail('id', id, 'allowed: a letter, then up to 63 letters, digits, "-" or "_"');
  }
  return {
    code: text.replace(/\r\n?/g, '\n').replace(/\n+$/, ''),
    timeoutMs: timeoutMs as number,
    ...(check !== undefined && { check: check as string }),
    ...(title !== undefined && { title: (title as string).trim() }),
    ...(id !== undefined && { id: id as string }),
  };
}

function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 40)}…"` : `"${v}"`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return aKind(v);
}
