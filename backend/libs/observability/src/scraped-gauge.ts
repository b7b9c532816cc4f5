import { Gauge } from 'prom-client';
import { metricsRegistry } from './metrics';

/** One series of a gauge read at scrape time: its labels and value. */
export interface GaugeReading<Label extends string> {
  labels: Partial<Record<Label, string>>;
  value: number;
}

type Read<Label extends string> = () => Promise<number | Array<GaugeReading<Label>>>;

/**
 * A gauge read from its source (the database, most often) at every scrape,
 * so it counts what every instance did, not what this one saw. The source is
 * set at run time by the service that owns it, and the gauge is on /metrics
 * only while it has one: a process that does not run that service reports
 * nothing rather than a 0 it never measured. With several such services in
 * one process, the latest to start is read. A scrape while the source fails
 * keeps the last value rather than failing every metric. A source that
 * answers series replaces them all, so a series that is gone (an event with
 * no hold left) leaves the gauge.
 */
export class ScrapedGauge<Label extends string = never> {
  readonly gauge: Gauge<Label>;
  private readonly name: string;
  private source?: Read<Label>;

  constructor(options: { name: string; help: string; labelNames?: readonly Label[] }) {
    this.name = options.name;
    const read = () => this.source?.();
    this.gauge = new Gauge<Label>({
      name: options.name,
      help: options.help,
      labelNames: options.labelNames ?? [],
      registers: [],
      async collect() {
        let reading: Awaited<ReturnType<Read<Label>>> | undefined;
        try {
          reading = await read();
        } catch {
          return;
        }
        if (reading === undefined) return;
        if (typeof reading === 'number') {
          this.set(reading);
          return;
        }
        this.reset();
        for (const { labels, value } of reading) this.set(labels, value);
      },
    });
  }

  /** Reads the gauge from `source` from now on; the returned function stops that, unless another source took over since. */
  readWith(source: Read<Label>): () => void {
    if (!this.source) metricsRegistry.registerMetric(this.gauge);
    this.source = source;
    return () => {
      if (this.source !== source) return;
      this.source = undefined;
      metricsRegistry.removeSingleMetric(this.name);
    };
  }
}
