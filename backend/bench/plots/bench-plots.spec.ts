import { describe, expect, it } from 'vitest';
import type { BenchRun, LatencySummary, SellOutPoint, SweepStep } from '../results';
import { latencyCurveSvg, sellOutTimelineSvg } from './bench-plots';
import { lineChartSvg } from './svg-chart';

const latency = (p50: number, p99: number): LatencySummary => ({ p50, p95: (p50 + p99) / 2, p99, max: p99 * 1.6, count: 1 });

function step(offeredPerSecond: number, p50: number, p99: number, sustained: boolean): SweepStep {
  const decidedPerSecond = sustained ? offeredPerSecond : offeredPerSecond * 0.55;
  return {
    offeredPerSecond,
    sentPerSecond: offeredPerSecond,
    decidedPerSecond,
    seconds: 20,
    latency: { ...latency(p50, p99), count: offeredPerSecond * 20 },
    statuses: sustained
      ? { '201': offeredPerSecond * 12, '409': offeredPerSecond * 8 }
      : { '201': decidedPerSecond * 20, timeout: (offeredPerSecond - decidedPerSecond) * 20 },
    cpuPer1000: [
      { name: 'gateway', ms: 210 },
      { name: 'booking', ms: 95 },
    ],
    sustained,
  };
}

// 1,000 seats, 5,000 buyers: seats go fast at first, the last few are fought over, and
// the buyers who are left keep trying (and being refused) for a while after the sell-out.
const timeline: SellOutPoint[] = Array.from({ length: 51 }, (_, t) => ({
  t,
  taken: t >= 42 ? 1000 : Math.round((1000 * (1 - Math.exp(-t / 9))) / (1 - Math.exp(-42 / 9))),
  attemptsPerSecond: t <= 42 ? Math.round(1850 - t * 12) : Math.round(1300 * Math.exp(-(t - 42) / 2)),
}));

const run: BenchRun = {
  startedAt: '2025-05-14T09:12:44.118Z',
  machine: { cpus: 4, cpuModel: 'AMD EPYC 7763 64-Core Processor', memoryGiB: 16, node: 'v20.20.2', loadAverage: [0.4, 0.3, 0.2] },
  command: 'npm run bench',
  baselines: {
    http: { requestsPerSecond: 14_620, latency: latency(1.1, 4.2), connections: 64 },
    postgres: { rowsPerSecond: 48_000, cpuMsPer1000Rows: 31, batchRows: 500, connections: 8 },
    kafka: { messagesPerSecond: 61_000, roundTripLatency: latency(2.4, 9.8), batch: 200 },
    socketio: [{ sockets: 1000, deliveriesPerSecond: 88_000, cpuMsPer1000: 4.1, latency: latency(3.2, 14) }],
  },
  sweeps: [
    {
      path: 'socket',
      steps: [step(250, 2.1, 6.8, true), step(500, 2.3, 8.4, true), step(1000, 2.9, 14, true), step(2000, 4.6, 41, true), step(4000, 380, 2900, false)],
      sustainedPerSecond: 2000,
      p99TargetMs: 100,
    },
    {
      path: 'rest',
      steps: [step(250, 4.2, 18, true), step(500, 5.9, 37, true), step(1000, 240, 1800, false)],
      sustainedPerSecond: 500,
      p99TargetMs: 100,
    },
  ],
  flashSale: {
    seats: 1000,
    buyers: 5000,
    sellOutSeconds: 42,
    attempts: 77_400,
    attemptsPerSecond: 1548,
    latency: latency(8.2, 64),
    statuses: { '201': 1000, '409': 76_400 },
    timeline,
    invariants: { doubleBookedSeats: 0, lost201: 0, unaccountedSeats: 0 },
  },
  fanOut: [],
  targets: [],
};

/**
 * Fails unless `svg` is well-formed XML of the kind the builder writes: one root,
 * balanced tags, quoted attributes, and no bare `<` or `&` in text or attributes.
 */
function expectWellFormed(svg: string): void {
  const entity = /&(amp|lt|gt|quot|apos);/g;
  const token = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  const open: string[] = [];
  let roots = 0;
  let cursor = 0;
  for (const match of svg.matchAll(token)) {
    const between = svg.slice(cursor, match.index);
    expect(between.replace(entity, ''), `text before <${match[2]}>`).not.toMatch(/[<>&]/);
    expect(match[3]!.replace(entity, ''), `attributes of <${match[2]}>`).not.toMatch(/&/);
    const [, closing, name, , selfClosing] = match;
    if (open.length === 0) roots += 1;
    if (closing) expect(open.pop(), `</${name}>`).toBe(name);
    else if (!selfClosing) open.push(name!);
    cursor = match.index + match[0].length;
  }
  expect(svg.slice(cursor).trim()).toBe('');
  expect(open).toEqual([]);
  expect(roots).toBe(1);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
}

/** The polyline points and marker circles of the series named `name`. */
function seriesOf(svg: string, name: string): { points: number; hollow: number; filled: number } | undefined {
  const group = svg.match(new RegExp(`<g data-series="${name}">([\\s\\S]*?)</g>`))?.[1];
  if (group === undefined) return undefined;
  return {
    points: group.match(/<polyline points="([^"]*)"/)?.[1]!.split(' ').length ?? 0,
    hollow: group.match(/<circle [^>]*fill="#fff"/g)?.length ?? 0,
    filled: group.match(/<circle [^>]*fill="#(?!fff")/g)?.length ?? 0,
  };
}

const texts = (svg: string): string[] => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);

describe('latencyCurveSvg', () => {
  const svg = latencyCurveSvg(run);

  it('is a well-formed SVG on a white background', () => {
    expectWellFormed(svg);
    expect(svg).toContain('<rect width="760" height="440" fill="#fff"/>');
  });

  it('draws p50 and p99 for each path, one point per step, hollow where the step was not sustained', () => {
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(seriesOf(svg, 'socket p99')).toEqual({ points: 5, filled: 4, hollow: 1 });
    expect(seriesOf(svg, 'socket p50')).toEqual({ points: 5, filled: 4, hollow: 1 });
    expect(seriesOf(svg, 'REST p99')).toEqual({ points: 3, filled: 2, hollow: 1 });
    expect(seriesOf(svg, 'REST p50')).toEqual({ points: 3, filled: 2, hollow: 1 });
  });

  it('labels the x axis with every offered rate of the sweeps, doubling up to the bare node:http line', () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(['250', '500', '1,000', '2,000', '4,000', '8,000', '16,000']));
    expect(texts(svg)).not.toContain('32,000');
    expect(texts(svg)).toContain('bare node:http 14,620/s');
  });

  it('labels a log latency axis in 1-2-5 steps that reach the slowest p99', () => {
    expect(texts(svg)).toEqual(expect.arrayContaining(['2', '5', '10', '100', '1,000', '5,000']));
    expect(texts(svg)).not.toContain('3');
  });

  it('draws one target line for paths that share a target, and one per path when they differ', () => {
    expect(texts(svg).filter((label) => label.includes('p99 target'))).toEqual(['p99 target 100 ms']);
    const [socket, rest] = run.sweeps;
    const split = latencyCurveSvg({ ...run, sweeps: [socket!, { ...rest!, p99TargetMs: 250 }] });
    expect(texts(split).filter((label) => label.includes('p99 target'))).toEqual(['REST p99 target 250 ms', 'socket p99 target 100 ms']);
  });

  it('puts the sustained socket steps under the p99 target line and the failed one over it', () => {
    const targetY = Number(svg.match(/<line [^>]*y1="([\d.]+)"[^>]*stroke="#dc2626"/)?.[1]);
    const socketP99 = svg.match(/<g data-series="socket p99">\n<polyline points="([^"]*)"/)?.[1]!.split(' ') ?? [];
    const ys = socketP99.map((point) => Number(point.split(',')[1]));
    expect(ys.slice(0, 4).every((y) => y > targetY)).toBe(true);
    expect(ys[4]).toBeLessThan(targetY);
  });

  it('escapes text that holds < or &', () => {
    const odd = latencyCurveSvg({ ...run, machine: { ...run.machine, cpuModel: 'Xeon <Sapphire> R&D "eng"' } });
    expectWellFormed(odd);
    expect(odd).toContain('Xeon &lt;Sapphire&gt; R&amp;D &quot;eng&quot;');
  });

  it('still draws axes and says so when a sweep has no steps, or there are no sweeps', () => {
    for (const sweeps of [[{ ...run.sweeps[0]!, steps: [] }], []]) {
      const empty = latencyCurveSvg({ ...run, sweeps });
      expectWellFormed(empty);
      expect(empty).not.toContain('<polyline');
      expect(texts(empty)).toContain('no sweep steps in this run');
    }
  });
});

describe('sellOutTimelineSvg', () => {
  const svg = sellOutTimelineSvg(run);

  it('is a well-formed SVG', () => {
    expectWellFormed(svg);
  });

  it('draws seats taken and attempts/s, one point per sample, attempts on the right axis', () => {
    expect(seriesOf(svg, 'seats taken')?.points).toBe(timeline.length);
    expect(seriesOf(svg, 'hold attempts/s')?.points).toBe(timeline.length);
    expect(texts(svg)).toEqual(expect.arrayContaining(['hold attempts/s (right axis)', 'seats taken', '1,000', '2,000']));
  });

  it('marks the sell-out moment at 42 s', () => {
    expect(texts(svg)).toContain('sold out in 42 s');
    const soldOutX = Number(svg.match(/<line x1="([\d.]+)"[^>]*stroke="#dc2626"/)?.[1]);
    const takenPoints = svg.match(/<g data-series="seats taken">\n<polyline points="([^"]*)"/)?.[1]!.split(' ') ?? [];
    expect(takenPoints[42]!.split(',')[0]).toBe(String(soldOutX));
  });

  it('says so when the sale did not sell out, without a sell-out line', () => {
    const unsold = sellOutTimelineSvg({ ...run, flashSale: { ...run.flashSale!, sellOutSeconds: null } });
    expectWellFormed(unsold);
    expect(unsold).toContain('did not sell out');
    expect(unsold).not.toContain('stroke="#dc2626"');
  });

  it('draws a clear card when the run had no flash sale', () => {
    const none = sellOutTimelineSvg({ ...run, flashSale: undefined });
    expectWellFormed(none);
    expect(texts(none)).toContain('no flash sale in this run');
  });

  it('does not throw on a flash sale with no samples', () => {
    const empty = sellOutTimelineSvg({ ...run, flashSale: { ...run.flashSale!, timeline: [] } });
    expectWellFormed(empty);
    expect(texts(empty)).toContain('no timeline samples in this run');
  });
});

describe('lineChartSvg', () => {
  it('escapes series names and titles', () => {
    const svg = lineChartSvg({
      title: 'p99 < 100 ms & rising',
      x: { label: 'x', scale: 'linear' },
      y: { label: 'y', scale: 'linear' },
      series: [
        {
          name: 'a<b & "c"',
          color: '#000',
          points: [
            { x: 0, y: 1 },
            { x: 1, y: 2 },
          ],
        },
      ],
    });
    expectWellFormed(svg);
    expect(svg).toContain('p99 &lt; 100 ms &amp; rising');
    expect(svg).toContain('data-series="a&lt;b &amp; &quot;c&quot;"');
  });

  it('leaves out points a log axis cannot place, rather than drawing them at infinity', () => {
    const svg = lineChartSvg({
      title: 't',
      x: { label: 'x', scale: 'log2' },
      y: { label: 'y', scale: 'log10' },
      series: [
        {
          name: 's',
          color: '#000',
          points: [
            { x: 250, y: 0 },
            { x: 500, y: 3 },
            { x: 1000, y: Number.NaN },
            { x: 2000, y: 30 },
          ],
        },
      ],
    });
    expectWellFormed(svg);
    expect(seriesOf(svg, 's')?.points).toBe(2);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('gives the same string for the same chart', () => {
    expect(latencyCurveSvg(structuredClone(run))).toBe(latencyCurveSvg(run));
  });
});
