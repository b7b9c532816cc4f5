import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BuiltUser } from '../test/builders/user.builder';
import { postHold } from './load/post-hold';
import { percentilesOf, type Percentiles } from './report';

export interface EndToEndResult {
  seconds: number;
  attempts: number;
  byStatus: Map<number, number>;
  latencyMs: Percentiles;
}

/** 1–4 seats starting anywhere in the event, so requests overlap as in a flash sale. */
export function randomSeats(seatIds: readonly string[]): string[] {
  const start = Math.floor(Math.random() * seatIds.length);
  const size = 1 + Math.floor(Math.random() * 4);
  return [...new Set(Array.from({ length: size }, (_, i) => seatIds[(start + i) % seatIds.length]!))];
}

/**
 * `clients` concurrent clients, each sending POST /bookings one after the
 * other for `seconds`, as random users holding random seats of one event.
 * node:http with keep-alive rather than fetch: the generator shares the two
 * cores with what it measures, so it should cost as little as possible.
 */
export async function runEndToEnd(options: {
  gatewayUrl: string;
  eventId: string;
  seatIds: readonly string[];
  users: readonly BuiltUser[];
  clients: number;
  seconds: number;
}): Promise<EndToEndResult> {
  const gatewayUrl = new URL(options.gatewayUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
  const byStatus = new Map<number, number>();
  const latencies: number[] = [];

  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const user = options.users[Math.floor(Math.random() * options.users.length)]!;
      const body = JSON.stringify({ eventId: options.eventId, seatIds: randomSeats(options.seatIds) });
      const sent = performance.now();
      // A network error counts as status 0.
      const status = Number(await postHold(agent, gatewayUrl, { token: user.token, body })) || 0;
      latencies.push(performance.now() - sent);
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, attempts: latencies.length, byStatus, latencyMs: percentilesOf(latencies) };
}
