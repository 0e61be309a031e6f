// Finds a Chromium/Chrome for the browser tests, or installs one where that is possible.
// `npm test` must never silently skip the real-browser tests (issue 2, item 3), so the only
// outcomes are: a path to an executable, or a thrown Error telling the reader how to get one.
import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Paths tried in order after `CHROME_PATH` (Debian/Ubuntu package names, Google's .deb). */
export const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First usable browser among `CHROME_PATH` and `candidates`, or `undefined`. */
export function findChromium(env = process.env, candidates = CANDIDATES) {
  if (env.CHROME_PATH) {
    if (isExecutable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to "${env.CHROME_PATH}" but that is not an executable file.`);
  }
  return candidates.find(isExecutable);
}

export const HOW_TO_GET_ONE = [
  'No Chromium or Chrome found, and it cannot be installed automatically here.',
  'The browser tests need one. Any of these works:',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium   (or chromium-browser)',
  '  macOS:          brew install --cask chromium        (or google-chrome)',
  '  anywhere:       CHROME_PATH=/path/to/chrome npm test',
].join('\n');

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).\n${HOW_TO_GET_ONE}`);
}

/** True where this process may install packages itself: root on a system with apt-get. */
export function canAptInstall() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && isExecutable('/usr/bin/apt-get');
}

/**
 * A browser path, installing Debian's `chromium` package first when running as root with apt-get.
 * Throws with instructions otherwise. The options exist for tests.
 */
export function ensureChromium(env = process.env, { candidates = CANDIDATES, canInstall = canAptInstall() } = {}) {
  const found = findChromium(env, candidates);
  if (found) return found;
  if (canInstall) {
    console.log('No Chromium found; installing it with apt-get (Debian package "chromium").');
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
    const installed = findChromium(env, candidates);
    if (installed) return installed;
  }
  throw new Error(HOW_TO_GET_ONE);
}

// `node scripts/find-chromium.mjs` prints the path (installing if needed).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureChromium());
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
