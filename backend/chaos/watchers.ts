import type { SeatMapSync } from '@seatstorm/contracts';
import { connectSocket, statusesOf, watchSeatMap, type TestSocket } from '../test/live';

export interface Watcher {
  name: string;
  gatewayUrl: string;
  socket: TestSocket;
  sync: SeatMapSync;
}

/**
 * People watching the flash sale's seat map, as the web app keeps it
 * (SeatMapSync over socket.io), spread over the gateways. Their sockets
 * reconnect by themselves when a gateway goes away and comes back.
 */
export async function openWatchers(gatewayUrls: readonly string[], eventId: string, perGateway: number): Promise<Watcher[]> {
  return Promise.all(
    gatewayUrls.flatMap((gatewayUrl, g) =>
      Array.from({ length: perGateway }, async (_, n) => {
        const socket = await connectSocket(gatewayUrl, { reconnection: true });
        return { name: `watcher ${g + 1}.${n + 1}`, gatewayUrl, socket, sync: watchSeatMap(gatewayUrl, socket, eventId, { retryDelayMs: 250 }) };
      }),
    ),
  );
}

export function closeWatchers(watchers: readonly Watcher[]): void {
  for (const watcher of watchers) {
    watcher.sync.stop();
    watcher.socket.close();
  }
}

/** Seats where a watcher's map differs from `truth` (each seat's status and booking, as statusesOf gives them). */
export function divergence(watcher: Watcher, truth: Readonly<Record<string, string>>): string[] {
  const seen = statusesOf(watcher.sync.seats.values());
  return Object.keys({ ...truth, ...seen }).filter((seatId) => seen[seatId] !== truth[seatId]);
}
