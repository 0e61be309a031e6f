/** The "show as table" alternative of a figure, and its CSV form. */
import type { Table } from './definition.ts';

/** A `<table>` for a {@link Table}; cells are text, never HTML. */
export function renderTable(doc: Document, table: Table): HTMLTableElement {
  const el = doc.createElement('table');
  const head = el.createTHead().insertRow();
  for (const c of table.columns) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = el.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.insertCell().textContent = String(cell);
  }
  return el;
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function toCsv(table: Table): string {
  const field = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [table.columns, ...table.rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * Indices into `n` points for a table a reader can take in: all of them up to `most`, else about
 * `most` evenly spaced, the first and the last always (a curve's start and end are its news).
 */
export function spacedIndices(n: number, most: number): number[] {
  if (n <= most) return Array.from({ length: n }, (_, i) => i);
  const every = Math.ceil((n - 1) / (most - 1));
  return Array.from({ length: n }, (_, i) => i).filter((i) => i % every === 0 || i === n - 1);
}
