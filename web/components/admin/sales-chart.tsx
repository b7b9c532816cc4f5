'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SalesMinute } from '@seatstorm/contracts';
import { formatClockMinute } from '@/lib/format';
import styles from './sales-panel.module.css';

const HEIGHT = 180;

/** uPlot's columns: minutes (Unix seconds) and seats sold in each. */
export function chartData(minutes: readonly SalesMinute[]): uPlot.AlignedData {
  return [minutes.map((row) => Date.parse(row.minute) / 1000), minutes.map((row) => row.seats)];
}

/** A colour of the page's theme, read where the chart is drawn (a canvas takes no CSS variables). */
function themeColour(element: HTMLElement, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/**
 * Seats sold per minute as bars (uPlot on a canvas). It is drawn once and
 * given new data as the figures change, so a live update neither flickers
 * nor loses the size. The canvas is hidden from assistive technology: the
 * panel says the same in text (`label`, and the table beside it).
 */
export function SalesChart({ minutes, label }: { minutes: readonly SalesMinute[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const accent = themeColour(element, '--accent', '#2563eb');
    const muted = themeColour(element, '--text-muted', '#6b7280');
    const grid = themeColour(element, '--border', '#e5e7eb');
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 240),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true }, y: { range: (_plot, _min, max) => [0, Math.max(4, Math.ceil(max * 1.2))] } },
        // The minutes as the rest of the page writes times: a 24-hour clock in UTC.
        axes: [
          { ...axis, values: (_plot, splits) => splits.map((seconds) => formatClockMinute(new Date(seconds * 1000).toISOString())) },
          { ...axis, size: 40, label: 'seats' },
        ],
        series: [{}, { label: 'Seats sold', stroke: accent, fill: accent, width: 0, points: { show: false }, paths: uPlot.paths.bars?.({ size: [0.7, 24] }) }],
      },
      chartData([]),
      element,
    );
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 240), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setData(chartData(minutes));
  }, [minutes]);

  return (
    <div className={styles.chart} role="img" aria-label={label} data-testid="sales-chart">
      <div ref={box} aria-hidden="true" />
    </div>
  );
}
