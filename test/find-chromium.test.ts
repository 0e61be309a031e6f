/** `npm test` finds a browser or says how to get one; it never skips the browser tests silently. */
import { describe, expect, it } from 'vitest';
import { ensureChromium, findChromium, HOW_TO_GET_ONE } from '../scripts/find-chromium.mjs';

describe('finding a Chromium', () => {
  it('prefers CHROME_PATH when it names an executable', () => {
    expect(findChromium({ CHROME_PATH: process.execPath }, [])).toBe(process.execPath);
  });
  it('refuses a CHROME_PATH that is not executable instead of looking elsewhere', () => {
    expect(() => findChromium({ CHROME_PATH: '/no/such/chrome' }, [process.execPath])).toThrow(/not an executable/);
  });
  it('takes the first executable candidate', () => {
    expect(findChromium({}, ['/no/such/chrome', process.execPath])).toBe(process.execPath);
  });
  it('fails with instructions (apt, brew, CHROME_PATH) when none is found and it cannot install', () => {
    expect(() => ensureChromium({}, { candidates: ['/no/such/chrome'], canInstall: false })).toThrow(HOW_TO_GET_ONE);
    expect(HOW_TO_GET_ONE).toMatch(/apt-get install -y chromium/);
    expect(HOW_TO_GET_ONE).toMatch(/brew install/);
    expect(HOW_TO_GET_ONE).toMatch(/CHROME_PATH=/);
  });
});
