// `npm test`: every test, including the real-browser ones, never silently skipped (issue 2,
// item 3). Phases: (1) find or install a Chromium, (2) build the site, (3) run all Vitest
// projects (unit, build, e2e). Extra arguments go to Vitest: `npm test -- test/lib`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './find-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const timings = [];
const results = fileURLToPath(new URL('../test-artifacts/vitest-results.json', import.meta.url));

function phase(name, fn) {
  const start = performance.now();
  console.log(`\n── ${name} ──`);
  const result = fn();
  timings.push([name, (performance.now() - start) / 1000]);
  return result;
}

function printTimings() {
  console.log('\n── timings ──');
  for (const [name, s] of timings) console.log(`${name.padEnd(10)} ${s.toFixed(1)} s`);
}

function fail(message, code = 1) {
  console.error(`\nnpm test: ${message}`);
  printTimings();
  process.exit(code);
}

// Astro 7 and Vitest 5 need Node ≥ 22.12; the project's own Node 24 comes first on PATH under npm.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  fail(`Node ${process.versions.node} is too old. Run this through \`npm test\`, which uses the project's Node 24 (node_modules/.bin/node).`);
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const shell = process.platform === 'win32';

phase('chromium', () => {
  try {
    env.CHROME_PATH = ensureChromium(env);
    console.log(`using ${env.CHROME_PATH}`);
  } catch (e) {
    fail(e.message);
  }
});

phase('build', () => {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'inherit', shell });
  if (r.status !== 0) fail(`the site did not build (npm run build exited with ${r.status ?? r.signal}).`, r.status || 1);
});

const code = phase('vitest', () => {
  rmSync(new URL('../test-artifacts/screenshots', import.meta.url), { recursive: true, force: true });
  const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
  rmSync(results, { force: true });
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${results}`];
  const r = spawnSync(process.execPath, [vitest, 'run', ...reporters, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  return r.status ?? 1;
});

printTimings();
printCounts();
process.exit(code);

/** One plain closing line with the counts from Vitest's JSON report, e.g. "tests: 979 passed, 0 failed". */
function printCounts() {
  if (!existsSync(results)) return console.log('tests: 0 passed, 0 failed (Vitest wrote no report)');
  const report = JSON.parse(readFileSync(results, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
}
