/**
 * A small line-chart builder for the bench's static charts. Pure and deterministic
 * (the same chart gives the same string), so a committed SVG changes only when
 * its numbers do. The white background keeps it legible in GitHub's dark theme.
 */

/** `log2` ticks double from the smallest value (250, 500, 1,000 …); `log10` ticks run 1-2-5 per decade. */
export type Scale = 'linear' | 'log2' | 'log10';

export interface Axis {
  label: string;
  scale: Scale;
  /** Values the axis must reach besides the data, e.g. 0 on a linear axis. */
  include?: number[];
}

export interface Point {
  x: number;
  y: number;
  /** Drawn as an open circle, e.g. a step that missed its target. */
  hollow?: boolean;
}

export interface Series {
  name: string;
  color: string;
  points: Point[];
  dashed?: boolean;
  markers?: boolean;
  /** Plotted against the chart's right axis (`y2`). */
  right?: boolean;
}

export interface ReferenceLine {
  value: number;
  label: string;
  color: string;
}

export interface LineChart {
  title: string;
  subtitle?: string;
  width?: number;
  height?: number;
  x: Axis;
  y: Axis;
  /** A linear right axis; its ticks share the left axis's grid when the left axis is linear. */
  y2?: Omit<Axis, 'scale'>;
  series: Series[];
  /** Dashed lines across the plot at a y value (left axis). */
  horizontal?: ReferenceLine[];
  /** Dashed lines down the plot at an x value. */
  vertical?: ReferenceLine[];
  /** Legend entries that explain the two marker styles. */
  markerNotes?: { filled: string; hollow: string };
  /** Written across the middle of the plot, e.g. when there is nothing to draw. */
  note?: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const INK = '#111827';
const MUTED = '#4b5563';
const GRID = '#e5e7eb';
const FRAME = '#9ca3af';
const TEXT_SIZE = 12;
const DASH = '6 4';
const REFERENCE_DASH = '3 3';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** 1234.5 → "1,234.5"; float noise (0.30000000000000004) is rounded away. */
export function formatNumber(value: number): string {
  const [whole = '0', fraction] = Math.abs(Number(value.toPrecision(6)))
    .toString()
    .split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A full chart as an SVG document. */
export function lineChartSvg(chart: LineChart): string {
  const width = chart.width ?? 760;
  const height = chart.height ?? 440;
  const legend = layoutLegend(chart, width);
  const plot = {
    left: 76,
    right: width - (chart.y2 ? 76 : 28),
    top: legend.bottom + 14,
    bottom: height - 54,
  };

  const plotted = chart.series.map((series) => {
    const right = Boolean(series.right && chart.y2);
    return { ...series, right, points: series.points.filter((point) => fits(point.x, chart.x.scale) && fits(point.y, right ? 'linear' : chart.y.scale)) };
  });
  const leftSeries = plotted.filter((series) => !series.right);
  const x = axisTicks(chart.x.scale, [
    ...plotted.flatMap((series) => series.points.map((point) => point.x)),
    ...(chart.vertical ?? []).map((line) => line.value),
    ...(chart.x.include ?? []),
  ]);
  const y = axisTicks(chart.y.scale, [
    ...leftSeries.flatMap((series) => series.points.map((point) => point.y)),
    ...(chart.horizontal ?? []).map((line) => line.value),
    ...(chart.y.include ?? []),
  ]);
  const y2Values = [...plotted.filter((series) => series.right).flatMap((series) => series.points.map((point) => point.y)), ...(chart.y2?.include ?? [])];
  const y2 = chart.y2 ? (chart.y.scale === 'linear' ? alignedTicks(y2Values, y.ticks.length - 1) : axisTicks('linear', y2Values)) : undefined;

  const toX = (value: number) => plot.left + fraction(value, x, chart.x.scale) * (plot.right - plot.left);
  const toY = (value: number, right = false) =>
    plot.bottom - (right && y2 ? fraction(value, y2, 'linear') : fraction(value, y, chart.y.scale)) * (plot.bottom - plot.top);

  const parts: string[] = [...opening(width, height, chart.title), ...heading(chart.title, chart.subtitle)];

  for (const tick of x.ticks) {
    const at = n(toX(tick));
    parts.push(`<line x1="${at}" y1="${plot.top}" x2="${at}" y2="${plot.bottom}" stroke="${GRID}"/>`);
    parts.push(text(toX(tick), plot.bottom + 18, formatNumber(tick), { anchor: 'middle' }));
  }
  for (const tick of y.ticks) {
    const at = n(toY(tick));
    parts.push(`<line x1="${plot.left}" y1="${at}" x2="${plot.right}" y2="${at}" stroke="${GRID}"/>`);
    parts.push(text(plot.left - 8, toY(tick) + 4, formatNumber(tick), { anchor: 'end' }));
  }
  for (const tick of y2?.ticks ?? []) {
    parts.push(text(plot.right + 8, toY(tick, true) + 4, formatNumber(tick), { anchor: 'start' }));
  }
  parts.push(`<rect x="${plot.left}" y="${plot.top}" width="${plot.right - plot.left}" height="${plot.bottom - plot.top}" fill="none" stroke="${FRAME}"/>`);
  parts.push(text((plot.left + plot.right) / 2, height - 16, chart.x.label, { anchor: 'middle', color: MUTED }));
  parts.push(text(20, (plot.top + plot.bottom) / 2, chart.y.label, { anchor: 'middle', color: MUTED, rotate: -90 }));
  if (chart.y2) parts.push(text(width - 16, (plot.top + plot.bottom) / 2, chart.y2.label, { anchor: 'middle', color: MUTED, rotate: 90 }));

  const horizontal = (chart.horizontal ?? []).map((line) => ({ ...line, at: toY(line.value) }));
  const vertical = (chart.vertical ?? []).map((line) => ({ ...line, at: toX(line.value) }));
  for (const line of horizontal) {
    parts.push(
      `<line x1="${plot.left}" y1="${n(line.at)}" x2="${plot.right}" y2="${n(line.at)}" stroke="${line.color}" stroke-width="1.5" stroke-dasharray="${REFERENCE_DASH}"/>`,
    );
  }
  for (const line of vertical) {
    parts.push(
      `<line x1="${n(line.at)}" y1="${plot.top}" x2="${n(line.at)}" y2="${plot.bottom}" stroke="${line.color}" stroke-width="1.5" stroke-dasharray="${REFERENCE_DASH}"/>`,
    );
  }

  for (const series of plotted) {
    const coordinates = series.points.map((point) => [toX(point.x), toY(point.y, series.right)] as const);
    parts.push(`<g data-series="${escapeXml(series.name)}">`);
    if (coordinates.length > 0) {
      const points = coordinates.map(([px, py]) => `${n(px)},${n(py)}`).join(' ');
      parts.push(
        `<polyline points="${points}" fill="none" stroke="${series.color}" stroke-width="2" stroke-linejoin="round"${series.dashed ? ` stroke-dasharray="${DASH}"` : ''}/>`,
      );
    }
    if (series.markers) {
      series.points.forEach((point, index) => {
        const [px, py] = coordinates[index]!;
        parts.push(marker(px, py, series.color, point.hollow ?? false));
      });
    }
    parts.push('</g>');
  }

  // Labels go last, each on a white halo, so no line is drawn across them.
  // Horizontal labels sit at the left end, where rising curves have not yet climbed; below the line when it runs along the top.
  for (const label of spreadApart(horizontal.map((line) => ({ line, y: line.at - 5 < plot.top + TEXT_SIZE ? line.at + 15 : line.at - 5 })))) {
    parts.push(text(plot.left + 6, label.y, label.line.label, { color: label.line.color, halo: true }));
  }
  for (const line of vertical) {
    const fitsRight = line.at + 6 + textWidth(line.label) < plot.right;
    parts.push(text(fitsRight ? line.at + 6 : line.at - 6, plot.top + 16, line.label, { anchor: fitsRight ? 'start' : 'end', color: line.color, halo: true }));
  }
  if (chart.note) {
    const [cx, cy] = [(plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2];
    const boxWidth = textWidth(chart.note) * (14 / TEXT_SIZE) + 24;
    parts.push(`<rect x="${n(cx - boxWidth / 2)}" y="${n(cy - 16)}" width="${n(boxWidth)}" height="28" fill="#fff"/>`);
    parts.push(text(cx, cy + 3, chart.note, { anchor: 'middle', color: MUTED, size: 14 }));
  }
  parts.push(...legend.parts, '</svg>');
  return parts.join('\n');
}

/** A chart-sized card with a title and one sentence, for a chart that has no data at all. */
export function messageSvg({ title, message, width = 760, height = 200 }: { title: string; message: string; width?: number; height?: number }): string {
  return [
    ...opening(width, height, `${title}: ${message}`),
    ...heading(title),
    `<rect x="16" y="44" width="${width - 32}" height="${height - 60}" fill="none" stroke="${FRAME}" stroke-dasharray="${DASH}"/>`,
    text(width / 2, (height + 44) / 2 - 2, message, { anchor: 'middle', color: MUTED, size: 14 }),
    '</svg>',
  ].join('\n');
}

interface Ticks {
  lo: number;
  hi: number;
  ticks: number[];
}

/** Coordinates to one decimal keep the file small and identical from run to run. */
const n = (value: number): string => String(Math.round(value * 10) / 10);

// A log axis cannot place zero or a negative value; a missing measurement (NaN) has no place on any axis.
const fits = (value: number, scale: Scale): boolean => Number.isFinite(value) && (scale === 'linear' || value > 0);

function fraction(value: number, { lo, hi }: Ticks, scale: Scale): number {
  return scale === 'linear' ? (value - lo) / (hi - lo) : Math.log(value / lo) / Math.log(hi / lo);
}

function axisTicks(scale: Scale, values: number[]): Ticks {
  const usable = values.filter((value) => fits(value, scale));
  if (scale === 'linear') return linearTicks(usable);
  return scale === 'log2' ? log2Ticks(usable) : log10Ticks(usable);
}

function linearTicks(values: number[]): Ticks {
  let min = values.length > 0 ? Math.min(...values) : 0;
  let max = values.length > 0 ? Math.max(...values) : 1;
  if (min === max) [min, max] = min === 0 ? [0, 1] : [Math.min(0, min), Math.max(0, max)];
  const step = niceStep((max - min) / 5);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  return { lo, hi, ticks: stepsFrom(lo, step, Math.round((hi - lo) / step)) };
}

/** Ticks for a right axis that land on the left axis's grid lines: the same number of intervals, a nice step. */
function alignedTicks(values: number[], intervals: number): Ticks {
  const min = Math.min(0, ...values);
  const max = Math.max(min + 1, ...values);
  let step = niceStep((max - min) / intervals);
  let lo = Math.floor(min / step) * step;
  while (lo + intervals * step < max) {
    step = niceStep(step * 1.01);
    lo = Math.floor(min / step) * step;
  }
  return { lo, hi: lo + intervals * step, ticks: stepsFrom(lo, step, intervals) };
}

function log2Ticks(values: number[]): Ticks {
  const min = values.length > 0 ? Math.min(...values) : 1;
  const max = values.length > 0 ? Math.max(...values) : 2;
  const lo = min === max ? min / 2 : min;
  // The epsilon keeps a value that is exactly a doubling (16,000 from 250) from adding one more.
  const doublings = Math.max(1, Math.ceil(Math.log2(Math.max(max, min * 2) / lo) - 1e-9));
  const ticks = Array.from({ length: doublings + 1 }, (_, k) => lo * 2 ** k);
  return { lo, hi: ticks[doublings]!, ticks };
}

function log10Ticks(values: number[]): Ticks {
  const min = values.length > 0 ? Math.min(...values) : 1;
  const max = values.length > 0 ? Math.max(...values) : 10;
  // 1-2-5 per decade while that stays legible; over more decades, powers of ten only.
  const mantissas = Math.log10(max / min) <= 4 ? [1, 2, 5] : [1];
  const candidates: number[] = [];
  for (let decade = Math.floor(Math.log10(min)) - 1; decade <= Math.ceil(Math.log10(max)) + 1; decade += 1) {
    for (const mantissa of mantissas) candidates.push(Number((mantissa * 10 ** decade).toPrecision(6)));
  }
  const below = candidates.filter((value) => value <= min);
  const above = candidates.filter((value) => value >= max);
  let lo = below[below.length - 1]!;
  let hi = above[0]!;
  if (lo === hi) [lo, hi] = [below[below.length - 2]!, above[1]!];
  return { lo, hi, ticks: candidates.filter((value) => value >= lo && value <= hi) };
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= raw * (1 - 1e-9)) ?? 10;
  return mantissa * power;
}

function stepsFrom(lo: number, step: number, intervals: number): number[] {
  return Array.from({ length: intervals + 1 }, (_, i) => Number((lo + i * step).toPrecision(12)));
}

/** Moves labels apart vertically (top to bottom) so no two overlap. */
function spreadApart<T extends { y: number }>(labels: T[]): T[] {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]!;
    if (sorted[i]!.y - previous.y < TEXT_SIZE + 3) sorted[i] = { ...sorted[i]!, y: previous.y + TEXT_SIZE + 3 };
  }
  return sorted;
}

/** An estimate, not a measurement: there is no font to measure with; it errs wide. */
const textWidth = (label: string): number => label.length * TEXT_SIZE * 0.58;

/** The root element, its accessible name, and the white card that keeps the chart legible on a dark page. */
function opening(width: number, height: number, name: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="${TEXT_SIZE}" role="img">`,
    `<title>${escapeXml(name)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  ];
}

function heading(title: string, subtitle?: string): string[] {
  return [text(16, 27, title, { size: 16, weight: 600 }), ...(subtitle ? [text(16, 46, subtitle, { color: MUTED })] : [])];
}

function text(
  x: number,
  y: number,
  content: string,
  options: { anchor?: 'start' | 'middle' | 'end'; color?: string; size?: number; weight?: number; rotate?: number; halo?: boolean } = {},
): string {
  const attributes = [
    `x="${n(x)}"`,
    `y="${n(y)}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    `fill="${options.color ?? INK}"`,
    options.size ? `font-size="${options.size}"` : '',
    options.weight ? `font-weight="${options.weight}"` : '',
    options.rotate ? `transform="rotate(${options.rotate} ${n(x)} ${n(y)})"` : '',
    options.halo ? 'stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"' : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

function marker(x: number, y: number, color: string, hollow: boolean): string {
  return hollow
    ? `<circle cx="${n(x)}" cy="${n(y)}" r="4" fill="#fff" stroke="${color}" stroke-width="2"/>`
    : `<circle cx="${n(x)}" cy="${n(y)}" r="3.5" fill="${color}" stroke="#fff" stroke-width="1"/>`;
}

/** Legend entries in rows under the heading, wrapped to the chart's width. */
function layoutLegend(chart: LineChart, width: number): { parts: string[]; bottom: number } {
  const sample = 24;
  const entries = [
    ...chart.series.map((series) => ({
      label: series.right && chart.y2 ? `${series.name} (right axis)` : series.name,
      sample,
      draw: (x: number, y: number) =>
        `<line x1="${n(x)}" y1="${n(y)}" x2="${n(x + sample)}" y2="${n(y)}" stroke="${series.color}" stroke-width="2"${series.dashed ? ` stroke-dasharray="${DASH}"` : ''}/>` +
        (series.markers ? marker(x + sample / 2, y, series.color, false) : ''),
    })),
    ...(chart.markerNotes
      ? [
          { label: chart.markerNotes.filled, sample: 10, draw: (x: number, y: number) => marker(x + 5, y, MUTED, false) },
          { label: chart.markerNotes.hollow, sample: 10, draw: (x: number, y: number) => marker(x + 5, y, MUTED, true) },
        ]
      : []),
  ];
  const top = chart.subtitle ? 68 : 50;
  const rowHeight = 18;
  const parts: string[] = [];
  let x = 16;
  let y = top;
  for (const entry of entries) {
    const entryWidth = entry.sample + 6 + textWidth(entry.label) + 16;
    if (x > 16 && x + entryWidth > width - 16) {
      x = 16;
      y += rowHeight;
    }
    parts.push(entry.draw(x, y), text(x + entry.sample + 6, y + 4, entry.label));
    x += entryWidth;
  }
  return { parts, bottom: entries.length > 0 ? y + 6 : top - 12 };
}
