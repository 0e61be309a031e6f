/**
 * `npm run bench:browser`: the browser-side targets of issue 4 ("Performance"), measured on the
 * built site (dist/, served on 127.0.0.1) in the system Chromium with the test flags:
 *   1. JavaScript per page, gzip: fetched at load with the viewport at the top (before any
 *      interaction or scrolling), plus inline scripts; then what hydrating every widget adds; CSS.
 *   2. Slider → redraw for the live widgets (DepthSignal and InitRecipes on /widgets/): from the
 *      `input` event of a real key press to the first paint after the new figure is in the DOM,
 *      at a reader's pace (a random pause of 150–600 ms after each redraw, seeded). Two walks per
 *      setting, each visiting only new states: stepping one slider up (the widget may have
 *      computed the value ahead: see WidgetController.prefetch), and alternating that slider and
 *      the seed field, both up (each press lands on a state nothing computed ahead, and may wait
 *      for one being computed ahead). The slider goes up by N (stepping) or N/2 (alternating).
 *      Each redraw is classed by where its figure came from: computed ahead and ready, computed
 *      ahead and waited for, or a run for it — the last split into the worker's computation and
 *      drawing (from its 'done' message), transit, the main thread putting the markup in place,
 *      and rendering.
 *   3. Main-thread long tasks (PerformanceObserver 'longtask') while TrainingRace trains for 10 s.
 * A benchmark, not a test: it prints markdown tables and exits 0 (1 only without a built site).
 * Flags: --n=40 (samples per latency row); --only=weight,latency,training (a subset of the three);
 * --json=FILE writes every latency sample there.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
import { raceWork, trainingRaceSpec } from '../components/widgets/training-race/spec.ts'
import { launchChromium, scrollThrough } from '../test/helpers/browser.ts'
import { DIST, pages, parsePage } from '../test/helpers/dist.ts'
import { serveStatic } from '../test/helpers/server.ts'

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`No built site at ${DIST}: run \`npm run build\` first.`)
  process.exit(1)
}
const N = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 40)
const JSON_OUT = process.argv.find((a) => a.startsWith('--json='))?.slice(7)
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? ['weight', 'latency', 'training']
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const ms = (v: number) => `${v.toFixed(1)} ms`
const load = () => loadavg().map((v) => v.toFixed(2)).join(' / ')
const sleep = (t: number) => new Promise((r) => setTimeout(r, t))
/** A figure is changed in place (components/runtime/morph.ts): any change under [data-plot]. */
const FIGURE_CHANGES = { childList: true, subtree: true, attributes: true, characterData: true }
const widgetSel = (key: string) => `notebook-widget[data-key="${key}"]`

/** Logs runs posted to experiment workers ({at, id, quiet}) and their 'done' messages ({at, id, ms, drawMs}; the last also as `done`). */
function instrumentWorkers(): void {
  const b = ((window as any).__bench = { posts: [] as any[], dones: [] as any[], done: { at: 0, ms: 0, drawMs: 0 } })
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options)
      this.addEventListener('message', (e) => {
        if (e.data?.type !== 'done') return
        b.done = { at: performance.now(), id: e.data.id, ms: e.data.ms, drawMs: e.data.drawMs } as any
        b.dones.push(b.done)
      })
    }
    postMessage(message: any, options?: any): void {
      if (message?.type === 'run') b.posts.push({ at: performance.now(), id: message.id, quiet: !!message.quiet })
      super.postMessage(message, options)
    }
  }
}

/** Waits until no request has started for `quietMs` (at most `maxMs`). */
async function quiet(since: () => number, quietMs = 600, maxMs = 15_000): Promise<void> {
  const start = Date.now()
  while (Date.now() - since() < quietMs && Date.now() - start < maxMs) await sleep(100)
}

type Weight = { path: string; eagerJs: number; inlineJs: number; files: number; hydratedAtLoad: string; laterJs: number; css: number }

/** 1. Gzip weight of the scripts (and styles) a page fetches at load, and after hydrating everything. */
async function weigh(browser: Browser, origin: string, page: { file: string; path: string }): Promise<Weight> {
  const context = await browser.newContext()
  let phase: 'load' | 'later' = 'load'
  let lastRequest = Date.now()
  const phaseOf = new Map<string, 'load' | 'later'>()
  const bodies: Promise<{ phase: 'load' | 'later'; kind: string; gz: number }>[] = []
  context.on('request', (r) => { lastRequest = Date.now(); if (!phaseOf.has(r.url())) phaseOf.set(r.url(), phase) })
  context.on('response', (res) => {
    const type = res.headers()['content-type'] ?? ''
    const kind = /javascript/.test(type) ? 'js' : /text\/css/.test(type) ? 'css' : ''
    if (kind) bodies.push(res.body().then((b) => ({ phase: phaseOf.get(res.url()) ?? 'later', kind, gz: gzipSync(b, { level: 9 }).length })))
  })
  const tab = await context.newPage()
  await tab.goto(origin + page.path, { waitUntil: 'load' })
  await quiet(() => lastRequest)
  const widgets = tab.locator('notebook-widget')
  const ready = () => widgets.evaluateAll((els) => els.filter((e) => (e as HTMLElement).dataset.ready === 'full').length)
  const hydratedAtLoad = `${await ready()}/${await widgets.count()}`
  phase = 'later'
  await scrollThrough(tab)
  for (const w of await widgets.all()) await w.scrollIntoViewIfNeeded()
  await tab.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('notebook-widget')].every((e) => e.dataset.ready === 'full'), null, { timeout: 20_000 }).catch(() => {})
  await quiet(() => lastRequest)
  const got = await Promise.all(bodies)
  await context.close()
  const sum = (f: (g: (typeof got)[number]) => boolean) => got.filter(f).reduce((s, g) => s + g.gz, 0)
  const inline = [...parsePage(page.file).querySelectorAll('script:not([src])')]
    .filter((s) => ['', 'module', 'text/javascript'].includes(s.getAttribute('type') ?? ''))
    .reduce((s, el) => s + gzipSync(el.textContent ?? '', { level: 9 }).length, 0)
  return {
    path: page.path, inlineJs: inline, hydratedAtLoad, files: got.filter((g) => g.kind === 'js' && g.phase === 'load').length,
    eagerJs: sum((g) => g.kind === 'js' && g.phase === 'load') + inline, laterJs: sum((g) => g.kind === 'js' && g.phase === 'later'), css: sum((g) => g.kind === 'css'),
  }
}

/** Opens /widgets/ (with URL state `query`) and waits until widget `key` is hydrated and idle. */
async function openWidget(browser: Browser, origin: string, key: string, query: string): Promise<Page> {
  const context = await browser.newContext()
  await context.addInitScript(instrumentWorkers)
  const page = await context.newPage()
  await page.goto(`${origin}/widgets/${query}`, { waitUntil: 'load' })
  await page.locator(widgetSel(key)).scrollIntoViewIfNeeded()
  await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset.ready === 'full', widgetSel(key), { timeout: 20_000 })
  await idle(page, key)
  if (await page.locator(`${widgetSel(key)} [data-notice]`).isVisible()) throw new Error(`URL state ${query} was refused: ${await page.locator(`${widgetSel(key)} [data-notice]`).textContent()}`)
  return page
}
const idle = (page: Page, key: string) => page.waitForFunction((s) => !document.querySelector(s)!.hasAttribute('data-busy'), widgetSel(key), { timeout: 120_000, polling: 50 })

/**
 * One redraw, times in ms from the input event: `total` to the paint after the figure is in place;
 * `from`: a run for it ('run'), or computed ahead and ready ('ahead') or waited for ('waited').
 * The parts of a run, in order: input → post, compute and figure in the worker, transit (to and
 * from the worker, queueing), markup in place on the main thread, render (frame wait, style,
 * layout, paint); `draw` for the other two is input → figure in place.
 */
type Sample = { total: number; from: 'run' | 'ahead' | 'waited'; input: number; compute: number; figure: number; transit: number; draw: number; render: number }

/** A seeded pause of 150–600 ms (Park–Miller), the same walk every time. */
const pause = ((s) => () => 150 + 450 * ((s = (s * 16807) % 2147483647) / 2147483647))(42)

/** 2. `n` key presses, press i on control presses[i % presses.length][0] with key [1]; each redraw timed. */
async function redraws(page: Page, key: string, presses: [string, string][], n = N): Promise<Sample[]> {
  const out: Sample[] = []
  for (let i = 0; i < n; i++) {
    const [name, press] = presses[i % presses.length]
    await page.locator(`${widgetSel(key)} [data-controls] [name="${name}"]`).focus()
    await page.evaluate(({ sel, changes }) => {
      const b = (window as any).__bench
      let t0 = -1
      const onInput = (e: Event) => { if (t0 < 0) t0 = e.timeStamp }
      addEventListener('input', onInput, true)
      b.sample = new Promise((resolve) => {
        // The first change of the figure after the input event is the new figure; rAF, then a
        // message: after the paint.
        const mo = new MutationObserver(() => {
          if (t0 < 0) return
          const drawn = performance.now()
          mo.disconnect(); removeEventListener('input', onInput, true)
          requestAnimationFrame(() => {
            const ch = new MessageChannel()
            ch.port1.onmessage = () => resolve({ t0, drawn, painted: performance.now() })
            ch.port2.postMessage(null)
          })
        })
        mo.observe(document.querySelector(`${sel} [data-plot]`)!, changes)
      })
    }, { sel: widgetSel(key), changes: FIGURE_CHANGES })
    await page.keyboard.press(press)
    const s = await page.evaluate(() => Promise.race([(window as any).__bench.sample, new Promise((r) => setTimeout(() => r(null), 30_000))]))
    if (!s) throw new Error(`no redraw within 30 s after pressing ${press} on ${name}`)
    const { posts, dones } = await page.evaluate(() => ({ posts: (window as any).__bench.posts, dones: (window as any).__bench.dones }))
    const post = posts.find((p: any) => p.at >= s.t0 && p.at <= s.drawn && !p.quiet)
    const done = dones.find((d: any) => d.at >= s.t0 && d.at <= s.drawn)
    const render = s.painted - s.drawn, total = s.painted - s.t0
    if (post && done?.id === post.id) {
      out.push({ total, from: 'run', input: post.at - s.t0, compute: done.ms - done.drawMs, figure: done.drawMs, transit: done.at - post.at - done.ms, draw: s.drawn - done.at, render })
    } else {
      out.push({ total, from: done ? 'waited' : 'ahead', input: NaN, compute: NaN, figure: NaN, transit: NaN, draw: s.drawn - s.t0, render })
    }
    await idle(page, key)
    await sleep(pause())
  }
  return out
}

/**
 * 2b. The first two key presses on a fresh page, `count` pages: the widget hydrated, the pointer
 * over it (which starts its worker, and its warm-up), 800 ms to reach for the slider, then
 * ArrowRight twice on `slider` at a reader's pace.
 */
async function firstPresses(browser: Browser, origin: string, key: string, slider: string, count: number): Promise<Sample[][]> {
  const out: Sample[][] = []
  for (let i = 0; i < count; i++) {
    const context = await browser.newContext()
    await context.addInitScript(instrumentWorkers)
    const page = await context.newPage()
    await page.goto(`${origin}/widgets/`, { waitUntil: 'load' })
    await page.locator(widgetSel(key)).scrollIntoViewIfNeeded()
    await page.waitForFunction((s) => document.querySelector<HTMLElement>(s)?.dataset.ready === 'full', widgetSel(key), { timeout: 20_000 })
    await page.locator(`${widgetSel(key)} [data-plot]`).hover()
    await sleep(800)
    out.push(await redraws(page, key, [[slider, 'ArrowRight']], 2))
    await context.close()
  }
  return out
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)] ?? NaN

/** 3. Long tasks while TrainingRace trains (Run again until 10 s of training have passed). */
async function longTasks(browser: Browser, origin: string) {
  const key = 'training-race'
  const el = [...parsePage(join(DIST, 'widgets/index.html')).querySelectorAll('notebook-widget')].find((e) => e.getAttribute('data-key') === key)
  const overrides = { initializers: ['heNormal', 'glorotNormal', 'postHe', 'heUniform'], seeds: 5, epochs: 200 }
  const state = { ...JSON.parse(el!.getAttribute('data-props')!), ...overrides }
  const work = raceWork(state)
  if (work > trainingRaceSpec.work!.max) throw new Error(`race settings over the work cap: ${work}`)
  const query = `?${Object.entries(overrides).map(([k, v]) => `${key}.${k}=${Array.isArray(v) ? v.join(',') : v}`).join('&')}`
  const page = await openWidget(browser, origin, key, query)
  const applied = await page.locator(widgetSel(key)).evaluate((e) => (e as any).state)
  if (JSON.stringify(applied) !== JSON.stringify(state)) throw new Error(`the race did not take the URL state: ${JSON.stringify(applied)}`)
  await page.evaluate(({ sel, changes }) => {
    const w = window as any
    w.__long = []; w.__draws = 0
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration) }).observe({ type: 'longtask' })
    // Long animation frames say what ran: script entry points (invoker, file) and rendering time.
    w.__loaf = []
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as any[]) {
        if (e.duration <= 50) continue
        const scripts = e.scripts.map((x: any) => `${x.invoker} in ${(x.sourceURL || '?').split('/').pop().replace(/[.-][\w-]{8}\.js$/, '.js')}`)
        w.__loaf.push({ ms: e.duration, what: [...new Set(scripts)].join(' + ') || 'no script', render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0 })
      }
    }).observe({ type: 'long-animation-frame' })
    // Frame gaps (rAF to rAF): the margin below 50 ms, which the long-task count does not show.
    w.__gaps = []
    let last = performance.now()
    const tick = (t: number) => { w.__gaps.push(t - last); last = t; requestAnimationFrame(tick) }
    requestAnimationFrame(tick)
    // One callback per task that changed the figure: one per redraw.
    new MutationObserver(() => { w.__draws++ }).observe(document.querySelector(`${sel} [data-plot]`)!, changes)
  }, { sel: widgetSel(key), changes: FIGURE_CHANGES })
  const start = Date.now()
  const runMs: number[] = []
  while (Date.now() - start < 10_000) {
    await page.locator(`${widgetSel(key)} [data-action="run"]`).click()
    await page.waitForFunction((s) => !document.querySelector(s)!.hasAttribute('data-busy'), widgetSel(key), { timeout: 120_000, polling: 250 })
    runMs.push(await page.evaluate(() => (window as any).__bench.done.ms))
  }
  const seconds = (Date.now() - start) / 1000
  const { long, draws, loaf, gaps } = await page.evaluate(() => ({ long: (window as any).__long as number[], draws: (window as any).__draws as number, loaf: (window as any).__loaf as { ms: number; what: string; render: number }[], gaps: ((window as any).__gaps as number[]).slice(1) }))
  await page.context().close()
  const byWhat = new Map<string, number[]>()
  for (const f of loaf) byWhat.set(f.what, [...(byWhat.get(f.what) ?? []), f.ms])
  const frames = [...byWhat].sort((a, b) => b[1].length - a[1].length).map(([what, d]) => `${d.length} × ${what} (median ${ms(pct(d, 0.5))}, longest ${ms(Math.max(...d))})`)
  const longestFrame = loaf.sort((a, b) => b.ms - a.ms)[0]
  return { query, work, seconds, runMs, draws, over50: long.filter((d) => d > 50), longest: Math.max(0, ...long), frames, longestFrame, gaps: { p99: pct(gaps, 0.99), max: Math.max(...gaps), over33: gaps.filter((g) => g > 33.4).length } }
}

const loadStart = load()
const server = await serveStatic(DIST)
const browser = await launchChromium()
try {
  const weights: Weight[] = []
  if (ONLY.includes('weight')) for (const p of pages()) weights.push(await weigh(browser, server.origin, p))
  const key = 'depth-signal'
  const small = `?${key}.depth=5&${key}.width=20&${key}.samples=50`
  const latency: [string, Sample[]][] = []
  // One slider stepped up (the widget may have computed the next value ahead), or that slider and
  // the seed alternately, both up: then each press lands on a state no earlier press computed ahead.
  const stepping = (slider: string): [string, string][] => [[slider, 'ArrowRight']]
  const alternating = (slider: string): [string, string][] => [[slider, 'ArrowRight'], ['seed', 'ArrowUp']]
  // Every live widget (they redraw on each change and never train), at its page settings; DepthSignal also small.
  const walks: [label: string, key: string, query: string, presses: [string, string][]][] = [
    ['DepthSignal, small (5 layers × 20 units, 50 examples), stepping width up', key, small, stepping('width')],
    ['DepthSignal, small, alternating width + 1 and seed + 1', key, small, alternating('width')],
    ['DepthSignal, page settings (10 layers × 100 units, 200 examples), stepping width up', key, '', stepping('width')],
    ['DepthSignal, page settings, alternating width + 1 and seed + 1', key, '', alternating('width')],
    ['InitRecipes, page settings (6 recipes, 100 × 100 weights each), stepping n_in up', 'init-recipes', '', stepping('fanIn')],
    ['InitRecipes, page settings, alternating n_in + 1 and seed + 1', 'init-recipes', '', alternating('fanIn')],
  ]
  for (const [label, widget, query, presses] of ONLY.includes('latency') ? walks : []) {
    const page = await openWidget(browser, server.origin, widget, query)
    latency.push([label, await redraws(page, widget, presses)])
    await page.context().close()
  }
  const firsts: [string, Sample[][]][] = []
  if (ONLY.includes('latency')) {
    firsts.push(['DepthSignal, width', await firstPresses(browser, server.origin, key, 'width', 6)])
    firsts.push(['InitRecipes, n_in', await firstPresses(browser, server.origin, 'init-recipes', 'fanIn', 6)])
  }
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(Object.fromEntries(latency), null, 1))
  const race = ONLY.includes('training') ? await longTasks(browser, server.origin) : null

  const chapters = weights.filter((w) => w.path.startsWith('/chapters/'))
  const worstChapter = Math.max(...chapters.map((w) => w.eagerJs))
  const ok = (pass: boolean) => (pass ? '✓' : '✗')
  const med = (xs: number[]) => pct(xs, 0.5)
  console.log(`\n## Browser performance (Chromium, viewport 1280×720, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'})\n`)
  console.log(`Load average (1/5/15 min): ${loadStart} at the start, ${load()} at the end.\n`)
  if (weights.length) {
    console.log('| page | eager JS gzip (files + inline) | inline | widgets hydrated at load | JS after hydrating all | CSS gzip |')
    console.log('| --- | --- | --- | --- | --- | --- |')
    for (const w of weights) console.log(`| ${w.path} | ${kb(w.eagerJs)} (${w.files} files) | ${kb(w.inlineJs)} | ${w.hydratedAtLoad} | +${kb(w.laterJs)} | ${kb(w.css)} |`)
  }
  if (latency.length) {
    console.log(`\n| key press → redraw, live widgets on /widgets/ (N=${N} each) | median | p95 | figure: ready / waited for / run | median, ready | median, run | run, medians of the parts: input → post | worker: compute | worker: figure | transit | main thread: markup in place | render |`)
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  }
  for (const [label, s] of latency) {
    const total = s.map((x) => x.total)
    const runs = s.filter((x) => x.from === 'run')
    const count = (f: Sample['from']) => s.filter((x) => x.from === f).length
    const parts = (['input', 'compute', 'figure', 'transit', 'draw', 'render'] as const).map((k) => ms(med(runs.map((x) => x[k])))).join(' | ')
    console.log(`| ${label} | ${ms(med(total))} | ${ms(pct(total, 0.95))} | ${count('ahead')} / ${count('waited')} / ${count('run')} | ${ms(med(s.filter((x) => x.from === 'ahead').map((x) => x.total)))} | ${ms(med(runs.map((x) => x.total)))} | ${parts} |`)
  }
  if (firsts.length) {
    const row = (first: Sample[][], k: 0 | 1) => {
      const s = first.map((f) => f[k])
      return `${ms(med(s.map((x) => x.total)))} | ${ms(Math.max(...s.map((x) => x.total)))} | ${ms(med(s.map((x) => x.compute)))} | ${ms(med(s.map((x) => x.figure)))}`
    }
    console.log(`\n| fresh page, page settings, pointer over the widget 0.8 s before (${firsts[0][1].length} pages each) | median | longest | worker: compute (median) | worker: figure (median) |`)
    console.log('| --- | --- | --- | --- | --- |')
    for (const [label, first] of firsts) {
      console.log(`| ${label}: first key press | ${row(first, 0)} |`)
      console.log(`| ${label}: second key press | ${row(first, 1)} |`)
    }
  }
  if (race) console.log(`\nTraining run: /widgets/${race.query} (work ${race.work.toExponential(2)} of ${trainingRaceSpec.work!.max.toExponential(0)}): ${race.runMs.length} run(s) of ${race.runMs.map((t) => (t / 1000).toFixed(1)).join(', ')} s in the worker, ${race.seconds.toFixed(1)} s observed, ${race.draws} redraws.\n`)
  console.log('\n| measure | result | target | |')
  console.log('| --- | --- | --- | --- |')
  if (weights.length) console.log(`| eager JS gzip, worst chapter page | ${kb(worstChapter)} | ≤ 30 KB | ${ok(worstChapter <= 30 * 1024)} |`)
  for (const [label, s] of latency) {
    const p95 = pct(s.map((x) => x.total), 0.95)
    console.log(`| key press → redraw p95, ${label} | ${ms(p95)} | ≤ 50 ms | ${ok(p95 <= 50)} |`)
  }
  if (race) {
    console.log(`| main-thread tasks > 50 ms during ${race.seconds.toFixed(0)} s of training | ${race.over50.length} (longest ${ms(race.longest)}) | 0 | ${ok(race.over50.length === 0)} |`)
    console.log(`| frame gaps (rAF to rAF) during the training: p99 / longest / over two frames | ${ms(race.gaps.p99)} / ${ms(race.gaps.max)} / ${race.gaps.over33} | | |`)
    if (race.over50.length) console.log(`\nLong tasks over 50 ms: ${race.over50.map((d) => d.toFixed(0)).join(', ')} ms`)
    if (race.frames.length) {
      console.log(`\nLong animation frames (> 50 ms) during the training, by what ran in them:\n${race.frames.map((f) => `- ${f}`).join('\n')}`)
      console.log(`- longest: ${ms(race.longestFrame.ms)}, ${race.longestFrame.what}, of which ${ms(race.longestFrame.render)} rendering`)
    }
  }
} finally {
  await browser.close()
  await server.close()
}
