/**
 * Plain-text rendering of any value a reader logs or returns, like a console would print it but
 * bounded: depth, items per collection and total length are capped, cycles are named, and a
 * hostile value (a throwing getter, a Proxy) prints as "[unreadable]" instead of throwing.
 * The text is only ever put on the page with textContent.
 * @module
 */

/** Caps for one formatted value. */
export type FormatLimits = { depth: number; items: number; chars: number };

export const DEFAULT_LIMITS: FormatLimits = { depth: 3, items: 30, chars: 2_000 };

/** A number as a reader expects to see it: -0 stays visible, long floats are shortened. */
export function formatNumber(n: number): string {
  if (Object.is(n, -0)) return '-0';
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/** True for the engine's Matrix shape: `{ rows, cols, data }` with a typed array of rows·cols. */
export function isMatrix(v: unknown): v is { rows: number; cols: number; data: ArrayLike<number> } {
  const m = v as { rows?: unknown; cols?: unknown; data?: unknown };
  return typeof v === 'object' && v !== null && Number.isInteger(m.rows) && Number.isInteger(m.cols)
    && ArrayBuffer.isView(m.data) && !(m.data instanceof DataView)
    && (m.data as unknown as ArrayLike<number>).length === (m.rows as number) * (m.cols as number);
}

/** Formats one value; strings at the top level print without quotes, like console.log. */
export function formatValue(v: unknown, limits: FormatLimits = DEFAULT_LIMITS): string {
  let text: string;
  try {
    text = typeof v === 'string' ? v : format(v, limits, 0, new Set());
  } catch {
    text = '[unreadable]';
  }
  return text.length > limits.chars ? `${text.slice(0, limits.chars)}… (${text.length - limits.chars} more characters)` : text;
}

function format(v: unknown, lim: FormatLimits, depth: number, seen: Set<object>): string {
  switch (typeof v) {
    case 'string': return JSON.stringify(v.length > lim.chars ? v.slice(0, lim.chars) : v);
    case 'number': return formatNumber(v);
    case 'bigint': return `${v}n`;
    case 'undefined': return 'undefined';
    case 'boolean': return String(v);
    case 'symbol': return v.toString();
    case 'function': return `[function ${v.name || '(anonymous)'}]`;
  }
  if (v === null) return 'null';
  const o = v as object;
  if (seen.has(o)) return '[circular]';
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (depth >= lim.depth) return Array.isArray(v) ? `[Array(${v.length})]` : '{…}';
  seen.add(o);
  try {
    const inner = (x: unknown) => guarded(() => format(x, lim, depth + 1, seen));
    if (isMatrix(v)) {
      const rows: string[] = [];
      for (let i = 0; i < Math.min(v.rows, lim.items); i++) {
        const row: string[] = [];
        for (let j = 0; j < Math.min(v.cols, lim.items); j++) row.push(formatNumber(v.data[i * v.cols + j]));
        rows.push(`[${row.join(', ')}${v.cols > lim.items ? ', …' : ''}]`);
      }
      return `Matrix ${v.rows}×${v.cols} [${rows.join(', ')}${v.rows > lim.items ? ', …' : ''}]`;
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const a = v as unknown as ArrayLike<number | bigint>;
      return `${v.constructor.name}(${a.length}) ${list(Array.from({ length: Math.min(a.length, lim.items) }, (_, i) => inner(a[i])), a.length, lim)}`;
    }
    if (Array.isArray(v)) return list(v.slice(0, lim.items).map(inner), v.length, lim);
    if (v instanceof Map) {
      const entries = first(v.entries(), lim.items).map(([k, x]) => `${inner(k)} => ${inner(x)}`);
      return `Map(${v.size}) {${entries.join(', ')}${v.size > lim.items ? ', …' : ''}}`;
    }
    if (v instanceof Set) return `Set(${v.size}) ${list(first(v.values(), lim.items).map(inner), v.size, lim)}`;
    const keys = Object.keys(o);
    // The read itself is guarded: a getter may throw.
    const read = (k: string) => guarded(() => format((o as Record<string, unknown>)[k], lim, depth + 1, seen));
    const parts = keys.slice(0, lim.items).map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${read(k)}`);
    if (keys.length > lim.items) parts.push(`… ${keys.length - lim.items} more`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  } finally {
    seen.delete(o);
  }
}

/** The first `n` items of an iterator, without walking a huge collection to the end. */
function first<T>(it: Iterator<T>, n: number): T[] {
  const out: T[] = [];
  for (let r = it.next(); !r.done && out.length < n; r = it.next()) out.push(r.value);
  return out;
}

function list(items: string[], total: number, lim: FormatLimits): string {
  return `[${items.join(', ')}${total > lim.items ? `, … ${total - items.length} more` : ''}]`;
}

function guarded(f: () => string): string {
  try {
    return f();
  } catch {
    return '[unreadable]';
  }
}
