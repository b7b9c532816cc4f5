import type { BenchRun, Sweep } from '../results';
import { formatNumber, lineChartSvg, messageSvg, type ReferenceLine, type Series } from './svg-chart';

const PATHS: Record<Sweep['path'], { name: string; color: string }> = {
  socket: { name: 'socket', color: '#2563eb' },
  rest: { name: 'REST', color: '#ea580c' },
};
const TARGET_COLOR = '#dc2626';
const BASELINE_COLOR = '#6b7280';

/** p50 and p99 latency against the offered arrival rate, one pair of lines per sweep (socket, REST). */
export function latencyCurveSvg(run: BenchRun): string {
  const series: Series[] = run.sweeps.flatMap((sweep) =>
    (['p99', 'p50'] as const).map((quantile) => ({
      name: `${PATHS[sweep.path].name} ${quantile}`,
      color: PATHS[sweep.path].color,
      dashed: quantile === 'p50',
      markers: true,
      points: sweep.steps.map((step) => ({ x: step.offeredPerSecond, y: step.latency[quantile], hollow: !step.sustained })),
    })),
  );
  const httpRate = run.baselines.http.requestsPerSecond;
  const hasSteps = run.sweeps.some((sweep) => sweep.steps.length > 0);
  return lineChartSvg({
    title: 'Hold latency against offered arrival rate',
    subtitle: machineLine(run),
    x: { label: 'offered arrival rate (holds/s, log scale)', scale: 'log2' },
    y: { label: 'latency from intended send (ms, log scale)', scale: 'log10' },
    series,
    horizontal: targetLines(run.sweeps),
    vertical: httpRate > 0 ? [{ value: httpRate, label: `bare node:http ${formatNumber(Math.round(httpRate))}/s`, color: BASELINE_COLOR }] : [],
    markerNotes: hasSteps ? { filled: 'step sustained', hollow: 'step not sustained' } : undefined,
    note: hasSteps ? undefined : 'no sweep steps in this run',
  });
}

/** Seats taken (left axis) and hold attempts per second (right axis) through the flash sale. */
export function sellOutTimelineSvg(run: BenchRun): string {
  const title = 'Flash sale: seats taken over time';
  const sale = run.flashSale;
  if (!sale) return messageSvg({ title, message: 'no flash sale in this run' });
  const outcome = sale.sellOutSeconds === null ? 'did not sell out' : `sold out in ${formatNumber(round1(sale.sellOutSeconds))} s`;
  return lineChartSvg({
    title,
    subtitle: `${formatNumber(sale.seats)} seats, ${formatNumber(sale.buyers)} buyers, ${formatNumber(sale.attempts)} hold attempts: ${outcome}`,
    x: { label: 'seconds since the sale opened', scale: 'linear', include: [0] },
    y: { label: 'seats taken', scale: 'linear', include: [0] },
    y2: { label: 'hold attempts/s', include: [0] },
    series: [
      { name: 'seats taken', color: '#059669', points: sale.timeline.map(({ t, taken }) => ({ x: t, y: taken })) },
      { name: 'hold attempts/s', color: '#7c3aed', right: true, points: sale.timeline.map(({ t, attemptsPerSecond }) => ({ x: t, y: attemptsPerSecond })) },
    ],
    horizontal: [{ value: sale.seats, label: `${formatNumber(sale.seats)} seats`, color: BASELINE_COLOR }],
    vertical: sale.sellOutSeconds === null ? [] : [{ value: sale.sellOutSeconds, label: outcome, color: TARGET_COLOR }],
    note: sale.timeline.length > 0 ? undefined : 'no timeline samples in this run',
  });
}

/** One line per distinct target; paths that share a target share its line. */
function targetLines(sweeps: Sweep[]): ReferenceLine[] {
  const targets = [...new Set(sweeps.map((sweep) => sweep.p99TargetMs))].sort((a, b) => a - b);
  return targets.map((target) => {
    const paths = sweeps.filter((sweep) => sweep.p99TargetMs === target).map((sweep) => PATHS[sweep.path].name);
    const owner = targets.length > 1 ? `${paths.join(', ')} ` : '';
    return { value: target, label: `${owner}p99 target ${formatNumber(target)} ms`, color: TARGET_COLOR };
  });
}

function machineLine({ machine, startedAt }: BenchRun): string {
  return `${machine.cpus} CPUs (${machine.cpuModel}), ${formatNumber(machine.memoryGiB)} GiB, Node ${machine.node}, ${startedAt.slice(0, 10)}`;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
