/** Console output is capped and batched, so a flood costs the page a few small messages. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_LIMITS, LogBuffer, bufferedConsole } from '../../../components/codecell/capture.ts';
import type { LogLine } from '../../../components/codecell/protocol.ts';

/** A buffer with a hand-moved clock and a record of every batch sent. */
function setup(limits = DEFAULT_LOG_LIMITS) {
  let t = 0;
  const batches: { lines: LogLine[]; dropped: number }[] = [];
  const buffer = new LogBuffer((lines, dropped) => batches.push({ lines, dropped }), () => t, limits);
  return { buffer, batches, tick: (ms: number) => { t += ms; } };
}

describe('LogBuffer', () => {
  it('keeps the first 1,000 lines of a million and counts the rest', () => {
    const { buffer, batches } = setup();
    for (let i = 0; i < 1_000_000; i++) buffer.push('log', [i]);
    buffer.flush();
    const lines = batches.flatMap((b) => b.lines);
    expect(lines).toHaveLength(1_000);
    expect(lines[0]).toEqual({ level: 'log', text: '0' });
    expect(lines[999]).toEqual({ level: 'log', text: '999' });
    expect(buffer.dropped).toBe(999_000);
  });

  it('sends at most one batch per interval while the code runs', () => {
    const { buffer, batches, tick } = setup();
    for (let i = 0; i < 500; i++) {
      buffer.push('log', ['x']);
      tick(1); // 500 lines over 500 ms of a 100 ms interval
    }
    expect(batches.length).toBeLessThanOrEqual(500 / DEFAULT_LOG_LIMITS.intervalMs + 1);
    buffer.flush();
    expect(batches.flatMap((b) => b.lines)).toHaveLength(500);
  });

  it('cuts long lines and stops at the total character cap', () => {
    const { buffer, batches } = setup({ lines: 1_000, lineChars: 10, totalChars: 25, intervalMs: 100 });
    for (let i = 0; i < 5; i++) buffer.push('warn', ['y'.repeat(50)]);
    buffer.flush();
    const lines = batches.flatMap((b) => b.lines);
    expect(lines[0].text).toBe(`${'y'.repeat(10)}… (line cut at 10 characters)`);
    expect(lines.length).toBeLessThan(5);
    expect(buffer.dropped).toBe(5 - lines.length);
  });
});

describe('bufferedConsole', () => {
  it('maps log/info/debug to log, warn to warn, error and failed asserts to error; joins arguments', () => {
    const { buffer, batches } = setup();
    const c = bufferedConsole(buffer);
    c.log('a', 1, [2]);
    c.info('i');
    c.warn('w');
    c.error('e');
    c.assert(true, 'fine');
    c.assert(false, 'broken');
    c.group();
    buffer.flush();
    expect(batches.flatMap((b) => b.lines)).toEqual([
      { level: 'log', text: 'a 1 [2]' }, { level: 'log', text: 'i' }, { level: 'warn', text: 'w' },
      { level: 'error', text: 'e' }, { level: 'error', text: 'Assertion failed: broken' },
    ]);
  });
});
