import { resolve } from 'node:path';
import { BenchChild } from '../load/child';
import { LoadGenerator } from '../load/open-loop';
import type { Baselines } from '../results';

const SERVER = resolve(__dirname, 'bare-http-server.ts');

/**
 * The highest rate the bench's own generator reaches against a bare node:http
 * server on this machine, right now: closed loop over `connections`
 * keep-alive connections for `seconds`, the same requests the REST path gets.
 */
export async function measureBareHttp(options: { connections: number; seconds: number; workers: number }): Promise<Baselines['http']> {
  const server = new BenchChild<{ type: 'start' }, { type: 'listening'; port: number }>(SERVER);
  let generator: LoadGenerator | undefined;
  try {
    const { port } = await server.ask({ type: 'start' }, 'listening');
    generator = await LoadGenerator.start({
      path: 'rest',
      gatewayUrl: `http://127.0.0.1:${port}`,
      tokens: ['baseline-token'],
      workers: options.workers,
      connections: options.connections,
      sockets: 0,
      labels: ['A1'],
      hotCount: 1,
      hotShare: 1,
    });
    const outcome = await generator.step({
      eventId: 'evt_baseline',
      rate: 1,
      seconds: options.seconds,
      timeoutMs: 10_000,
      maxInFlight: options.connections,
      concurrency: options.connections,
    });
    return { requestsPerSecond: (outcome.statuses['201'] ?? 0) / outcome.seconds, latency: outcome.latency.summary(), connections: options.connections };
  } finally {
    generator?.stop();
    server.kill();
  }
}
