/**
 * Puts a run's output on the page: console lines, the exported value (text, table, or a chart
 * with its table), the exercise check and the line an error came from. Loaded on the first Run.
 * Every string that came from the reader's code goes in with textContent, never as HTML.
 * @module
 */
import { renderTable } from '../runtime/table.ts';
import { formatNumber } from './format.ts';
import { drawChart } from './chart.ts';
import type { CellError, CellResult, CheckReport, LogLine, TableData } from './protocol.ts';
import type { Outcome } from './runner.ts';

const PREFIX: Record<LogLine['level'], string> = { log: '', warn: '⚠ ', error: '✖ ' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Empties the output area (a new run, or Reset). */
export function clearOutput(out: HTMLElement): void {
  out.replaceChildren();
}

/**
 * Appends a batch of console lines. Consecutive lines of one level share one element (a flood
 * of 1,000 lines is one text node, not 1,000 elements: cheaper to lay out on the main thread).
 */
export function appendLogs(out: HTMLElement, lines: LogLine[], dropped: number): void {
  let pre = out.querySelector<HTMLElement>('[data-console]');
  if (!pre) {
    const section = el('section', 'cc-console');
    section.setAttribute('aria-label', 'Console output');
    pre = el('pre', 'cc-lines');
    pre.dataset.console = '';
    pre.tabIndex = 0; // long output scrolls; the keyboard must reach it
    section.append(pre);
    out.prepend(section);
  }
  const frag = document.createDocumentFragment();
  for (let i = 0; i < lines.length; ) {
    const level = lines[i].level;
    let text = '';
    for (; i < lines.length && lines[i].level === level; i++) text += `${PREFIX[level]}${lines[i].text}\n`;
    frag.append(el('span', `cc-${level}`, text));
  }
  pre.append(frag);
  setDropped(out, dropped);
}

function setDropped(out: HTMLElement, dropped: number): void {
  if (dropped <= 0) return;
  const section = out.querySelector('.cc-console');
  if (!section) return;
  let note = section.querySelector<HTMLElement>('[data-dropped]');
  if (!note) {
    note = el('p', 'cc-note');
    note.dataset.dropped = '';
    section.append(note);
  }
  note.textContent = `${dropped.toLocaleString('en')} more console lines were not shown (a cell keeps the first 1,000).`;
}

/** Shows how a run ended. `source` is the code that ran, to quote the line of an error. */
export function showOutcome(out: HTMLElement, outcome: Outcome, source: string): void {
  if (outcome.kind === 'done' || outcome.kind === 'error') setDropped(out, outcome.dropped);
  if (outcome.kind === 'done') {
    showResult(out, outcome.result);
    if (outcome.check) out.append(checkReport(outcome.check));
  }
  if (outcome.kind === 'error') {
    // The status line says what went wrong (and is announced); here, only where: right under it.
    const where = errorLine(outcome.error, source);
    if (where) out.prepend(where);
  }
}

function showResult(out: HTMLElement, result: CellResult): void {
  if (result.kind === 'none') return;
  const section = el('section', 'cc-result');
  section.setAttribute('aria-label', 'Result');
  if (result.kind === 'text') {
    const pre = el('pre', 'cc-value', result.text);
    pre.tabIndex = 0;
    section.append(pre);
  } else if (result.kind === 'table') {
    section.append(table(result.table));
  } else {
    const figure = el('figure', 'cc-chart');
    const details = el('details', 'cc-as-table');
    details.append(el('summary', '', 'Show as table'), table(result.table));
    section.append(figure, details);
    void drawChart(figure, result.data, details);
  }
  out.append(section);
}

function table(t: TableData): HTMLElement {
  const wrap = el('div', 'cc-table');
  wrap.tabIndex = 0; // wide tables scroll sideways
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', t.caption);
  const rows = t.rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const tableEl = renderTable(document, { columns: t.columns, rows });
  const caption = tableEl.createCaption();
  caption.textContent = t.totalRows > t.rows.length ? `${t.caption} (first ${t.rows.length} rows shown)` : t.caption;
  wrap.append(tableEl);
  return wrap;
}

function checkReport(c: CheckReport): HTMLElement {
  const section = el('section', `cc-check ${c.passed ? 'cc-pass' : 'cc-fail'}`);
  section.dataset.checkReport = c.passed ? 'passed' : 'failed';
  section.setAttribute('aria-label', `Check: ${c.title}`);
  section.append(el('p', 'cc-check-summary', `${c.passed ? '✔' : '✖'} ${c.title}: ${c.summary}`));
  if (c.details.length > 0) {
    const list = el('ul', 'cc-check-items');
    for (const d of c.details) list.append(el('li', d.ok ? 'cc-ok' : 'cc-bad', `${d.ok ? '✔' : '✖'} ${d.text}`));
    section.append(list);
  }
  return section;
}

/** The reader's line an error came from, quoted with a caret under its column, if it is known. */
function errorLine(e: CellError, source: string): HTMLElement | undefined {
  const text = e.line ? source.split('\n')[e.line - 1] : undefined;
  if (text === undefined) return undefined;
  const block = el('section', 'cc-error');
  block.dataset.error = String(e.line);
  block.setAttribute('aria-label', `Line ${e.line} of the code`);
  const caret = e.column ? `\n${' '.repeat(String(e.line).length + 3 + e.column - 1)}^` : '';
  block.append(el('pre', 'cc-error-line', `${e.line} | ${text}${caret}`));
  return block;
}
