/**
 * Lighthouse on the seat map pages against a running stack (`npm start`): the
 * mobile form factor with Lighthouse's default simulated throttling, the
 * performance category only. Each page runs `--runs` times (3 by default),
 * round-robin with a page of the same app without a seat map (the sign-in
 * page), so that a machine slower or busier than another moves both alike:
 * what to compare between machines is each page's figures beside the
 * baseline's, printed as ratios. Prints, per page, the median score, total
 * blocking time, LCP, FCP, Speed Index and CLS, and where the main thread's
 * time went (of the run with the median score).
 *
 * The stadium's waiting room is on (the seed's flash sale), so its map shows
 * only to a buyer it let in: that page is measured signed in as Alice, in a
 * browser of its own that opened the page once before each run (joining the
 * queue and keeping the pass, as the app does); Lighthouse empties the cache
 * before every run, not the cookies or the pass. The other pages are measured
 * signed out.
 *
 *   npm run lighthouse -w @seatstorm/e2e [-- --runs 3 --json lighthouse.json --traces traces/]
 *
 * Headless Chromium sometimes holds a page's first frame back for up to a second (GoogleChrome/lighthouse#17148),
 * which Lighthouse's simulation turns into a far later FCP and LCP for that run: each run says when that happened,
 * and each page's summary gives the median of the other runs too.
 *
 * The web app's address comes from E2E_BASE_URL (default http://127.0.0.1:3001);
 * Chromium from CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, request as playwrightRequest } from '@playwright/test';
import { SESSION_COOKIE } from '@seatstorm/contracts';
import type { LaunchedChrome } from 'chrome-launcher';
import { loginByApi } from '../helpers/api';
import { baseUrl } from '../helpers/env';
import '../helpers/seat-map-hook';

/**
 * Lighthouse runs some of its own functions in the page from their source text. A static import would go through
 * the TypeScript runner, whose transform adds a helper to named functions that the page does not have; a dynamic
 * import loads Lighthouse (an ES module) as it was published.
 */
const loadLighthouse = () => Promise.all([import('lighthouse'), import('chrome-launcher')]);

const PAGES = [
  { name: 'baseline', path: '/login', buyer: false },
  { name: 'stadium', path: '/events/evt_stadium', buyer: true },
  { name: 'eras', path: '/events/evt_eras', buyer: false },
] as const;
type PageName = (typeof PAGES)[number]['name'];

const BUYER = 'alice@example.com';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Run {
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  speedIndexMs: number;
  cls: number;
  /** Main-thread time by kind of work (mainthread-work-breakdown), longest first. */
  mainThread: Array<{ work: string; ms: number }>;
  /** Main-thread time by script (bootup-time), longest first. */
  scripts: Array<{ url: string; totalMs: number; scriptingMs: number; parseMs: number }>;
  /** The element of the largest contentful paint (when Lighthouse found it), and how its time divides. */
  lcpElement: string | null;
  lcpPhases: Array<{ phase: string; ms: number }>;
  /** The longest main-thread tasks, as throttled (long-tasks), with the script they are attributed to. */
  longTasks: Array<{ url: string; startMs: number; ms: number }>;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster). */
  benchmarkIndex: number;
  /**
   * How long the page's first painted frame waited to be shown (observed first contentful paint minus the document's
   * first paint), or null when the trace does not tell. Headless Chromium sometimes holds a page's frames back for up
   * to a second while its renderer is busy (GoogleChrome/lighthouse#17148); Lighthouse's simulation then counts
   * everything loaded meanwhile as needed for the first paint, and the run's FCP, LCP and score come out far worse.
   */
  heldFrameMs: number | null;
  warnings: string[];
}

/** A run whose first frame waited this long is reported as held back. */
const HELD_FRAME_MS = 300;
const isHeld = (run: Run) => run.heldFrameMs !== null && run.heldFrameMs >= HELD_FRAME_MS;

interface TraceEvent {
  name: string;
  ts: number;
  args?: { data?: { nodeName?: string } };
}

function heldFrameMs(trace: { traceEvents: TraceEvent[] }, observedFcpTs: number | undefined, navigationTs: number | undefined): number | null {
  if (observedFcpTs === undefined || navigationTs === undefined) return null;
  const firstPaint = trace.traceEvents
    .filter((event) => event.name === 'Paint' && event.args?.data?.nodeName === '#document' && event.ts >= navigationTs)
    .reduce((first, event) => Math.min(first, event.ts), Number.POSITIVE_INFINITY);
  return Number.isFinite(firstPaint) ? Math.max(0, (observedFcpTs - firstPaint) / 1000) : null;
}

interface Options {
  runs: number;
  json: string | null;
  /** A folder to keep each run's trace in, to open in Chrome's performance panel. */
  traces: string | null;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 3, json: null, traces: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--runs' && value && Number(value) >= 1) options.runs = Math.floor(Number(value));
    else if (arg === '--json' && value) options.json = value;
    else if (arg === '--traces' && value) options.traces = value;
    else throw new Error(`usage: lighthouse [--runs <n ≥ 1>] [--json <file>] [--traces <folder>] (got "${arg}")`);
    i += 1;
  }
  return options;
}

interface Details {
  items?: Array<Record<string, unknown>>;
}

/** The largest-contentful-paint-element audit: a list of two tables, the element's node and the phases. */
interface LcpDetails {
  items?: [{ items?: Array<{ node?: { snippet?: string } }> }, { items?: Array<{ phase: string; timing: number }> }?];
}

async function launchChrome(): Promise<LaunchedChrome> {
  const [, { launch }] = await loadLighthouse();
  return launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
}

/** Signs the browser in as the buyer (the session cookie, as the sign-in route sets it). */
async function signIn(chrome: LaunchedChrome): Promise<void> {
  const api = await playwrightRequest.newContext();
  const token = await loginByApi(api, BUYER);
  await api.dispose();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  await browser.contexts()[0]!.addCookies([{ name: SESSION_COOKIE, value: token, url: baseUrl(), httpOnly: true, sameSite: 'Lax' }]);
  await browser.close();
}

/** Opens the page until its seat map is live: the waiting room lets the buyer in, and the page keeps the pass. */
async function letIn(chrome: LaunchedChrome, url: string): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const page = await browser.contexts()[0]!.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__seatstormMap?.sync === 'live', null, { timeout: 60_000 });
  } finally {
    await page.close();
    await browser.close();
  }
}

async function measure(chrome: LaunchedChrome, url: string, traceFile: string | null): Promise<Run> {
  const [{ default: lighthouse }] = await loadLighthouse();
  // With a trace kept, the JavaScript profiler's samples go into it too (they cost the page a little time).
  const profiler = traceFile ? { additionalTraceCategories: 'disabled-by-default-v8.cpu_profiler' } : {};
  const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], ...profiler });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  if (traceFile) writeFileSync(traceFile, JSON.stringify(result.artifacts.Trace));
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const items = (id: string) => (lhr.audits[id]?.details as Details | undefined)?.items ?? [];
  const lcp = lhr.audits['largest-contentful-paint-element']?.details as LcpDetails | undefined;
  const observed = (lhr.audits.metrics?.details as { items?: Array<Record<string, number | undefined>> } | undefined)?.items?.[0];
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbtMs: audit('total-blocking-time'),
    lcpMs: audit('largest-contentful-paint'),
    fcpMs: audit('first-contentful-paint'),
    speedIndexMs: audit('speed-index'),
    cls: audit('cumulative-layout-shift'),
    mainThread: items('mainthread-work-breakdown')
      .map((item) => ({ work: String(item.groupLabel ?? item.group), ms: Number(item.duration) }))
      .sort((a, b) => b.ms - a.ms),
    scripts: items('bootup-time')
      .map((item) => ({
        url: String(item.url),
        totalMs: Number(item.total),
        scriptingMs: Number(item.scripting),
        parseMs: Number(item.scriptParseCompile),
      }))
      .sort((a, b) => b.totalMs - a.totalMs),
    lcpElement: lcp?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    lcpPhases: (lcp?.items?.[1]?.items ?? []).map(({ phase, timing }) => ({ phase, ms: timing })),
    longTasks: items('long-tasks')
      .map((item) => ({ url: String(item.url), startMs: Number(item.startTime), ms: Number(item.duration) }))
      .sort((a, b) => b.ms - a.ms),
    benchmarkIndex: lhr.environment.benchmarkIndex,
    heldFrameMs: heldFrameMs(
      result.artifacts.Trace as { traceEvents: TraceEvent[] },
      observed?.observedFirstContentfulPaintTs,
      observed?.observedNavigationStartTs,
    ),
    warnings: lhr.runWarnings,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Summary {
  score: number;
  tbtMs: number;
  lcpMs: number;
  fcpMs: number;
  speedIndexMs: number;
  cls: number;
  /** The run whose score is the median (the lower middle one for an even count): its breakdown is printed. */
  medianRun: Run;
}

function summarize(runs: readonly Run[]): Summary {
  const of = (pick: (run: Run) => number) => median(runs.map(pick));
  const byScore = [...runs].sort((a, b) => a.score - b.score || b.tbtMs - a.tbtMs);
  return {
    score: of((run) => run.score),
    tbtMs: of((run) => run.tbtMs),
    lcpMs: of((run) => run.lcpMs),
    fcpMs: of((run) => run.fcpMs),
    speedIndexMs: of((run) => run.speedIndexMs),
    cls: of((run) => run.cls),
    medianRun: byScore[Math.floor((byScore.length - 1) / 2)]!,
  };
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const beside = (value: number, base: number) => {
  const difference = `${value >= base ? '+' : '−'}${ms(Math.abs(value - base))}`;
  return `   ${base > 0 ? `×${(value / base).toFixed(1)} the baseline's` : 'the baseline is 0'} (${difference})`;
};

function report(summaries: Record<PageName, Summary>, runs: Record<PageName, Run[]>): void {
  const base = summaries.baseline;
  for (const { name, path } of PAGES) {
    const s = summaries[name];
    console.log(`\n${name} (${path}), median of ${runs[name].length}: score ${s.score}  [runs: ${runs[name].map((run) => run.score).join(', ')}]`);
    console.log(`  TBT  ${ms(s.tbtMs).padStart(9)}${name === 'baseline' ? '' : beside(s.tbtMs, base.tbtMs)}`);
    console.log(`  LCP  ${ms(s.lcpMs).padStart(9)}${name === 'baseline' ? '' : beside(s.lcpMs, base.lcpMs)}`);
    console.log(`  FCP  ${ms(s.fcpMs).padStart(9)}   Speed Index ${ms(s.speedIndexMs)}   CLS ${s.cls.toFixed(3)}`);
    const shown = runs[name].filter((run) => !isHeld(run));
    if (shown.length < runs[name].length) {
      const of = (pick: (run: Run) => number) => median(shown.map(pick));
      const rest = shown.length ? `; the other ${shown.length}: score ${of((r) => r.score)}, TBT ${ms(of((r) => r.tbtMs))}, LCP ${ms(of((r) => r.lcpMs))}` : '';
      console.log(`  ${runs[name].length - shown.length} of ${runs[name].length} runs had their first frame held back by Chromium${rest}`);
    }
    const phases = s.medianRun.lcpPhases.map(({ phase, ms: time }) => `${phase} ${ms(time)}`).join(' · ');
    if (s.medianRun.lcpElement) console.log(`  LCP element: ${s.medianRun.lcpElement.slice(0, 100)}${phases ? `  (${phases})` : ''}`);
    const top = s.medianRun.mainThread.slice(0, 6).map((item) => `${item.work} ${ms(item.ms)}`);
    console.log(`  main thread: ${top.join(' · ')}`);
    const tasks = s.medianRun.longTasks.slice(0, 6).map((task) => `${ms(task.ms)} at ${ms(task.startMs)} (${task.url.split('/').pop()})`);
    if (tasks.length) console.log(`  longest tasks: ${tasks.join(' · ')}`);
    for (const script of s.medianRun.scripts.slice(0, 4)) {
      console.log(`    ${ms(script.totalMs).padStart(9)} (scripting ${ms(script.scriptingMs)}, parse ${ms(script.parseMs)})  ${script.url}`);
    }
    for (const warning of new Set(runs[name].flatMap((run) => run.warnings))) console.log(`  warning: ${warning}`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.traces) mkdirSync(options.traces, { recursive: true });
  const loadBefore = loadavg()[0]!;
  const runs = Object.fromEntries(PAGES.map(({ name }) => [name, [] as Run[]])) as Record<PageName, Run[]>;
  const signedOut = await launchChrome();
  const buyer = await launchChrome();
  try {
    await signIn(buyer);
    for (let round = 1; round <= options.runs; round += 1) {
      for (const page of PAGES) {
        const url = `${baseUrl()}${page.path}`;
        if (page.buyer) await letIn(buyer, url);
        const traceFile = options.traces ? join(options.traces, `${page.name}-${round}.json`) : null;
        const run = await measure(page.buyer ? buyer : signedOut, url, traceFile);
        runs[page.name].push(run);
        const held = isHeld(run) ? `  (first frame held back ${ms(run.heldFrameMs!)})` : '';
        console.log(`round ${round}/${options.runs}  ${page.name.padEnd(8)} score ${run.score}  TBT ${ms(run.tbtMs)}  LCP ${ms(run.lcpMs)}${held}`);
      }
    }
  } finally {
    signedOut.kill();
    buyer.kill();
  }
  const summaries = Object.fromEntries(PAGES.map(({ name }) => [name, summarize(runs[name])])) as Record<PageName, Summary>;
  report(summaries, runs);
  const benchmarkIndex = median(Object.values(runs).flatMap((list) => list.map((run) => run.benchmarkIndex)));
  console.log(`\nLighthouse benchmark index ${Math.round(benchmarkIndex)}; load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
  if (options.json) {
    const pages = Object.fromEntries(PAGES.map(({ name, path, buyer: signedIn }) => [name, { path, signedIn, ...summaries[name], runs: runs[name] }]));
    writeFileSync(options.json, `${JSON.stringify({ baseUrl: baseUrl(), formFactor: 'mobile', throttling: 'simulate', benchmarkIndex, pages }, null, 2)}\n`);
    console.log(`written to ${options.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
