import { metricsRegistry } from '@seatstorm/observability';
import { Counter, Gauge, Histogram } from 'prom-client';

export const liveSockets = new Gauge({
  name: 'seatstorm_live_sockets',
  help: 'Sockets connected to this gateway instance, by kind (user or anonymous).',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const liveSeatDeltas = new Counter({
  name: 'seatstorm_live_seat_deltas_total',
  help: 'seat.updated messages consumed from Kafka by this instance, by what the coalescer did with them.',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const liveBroadcastsDropped = new Counter({
  name: 'seatstorm_live_broadcasts_dropped_total',
  help: 'Broadcasts to the other gateway instances that gave way while Redis was away (LIVE_REDIS_BACKLOG); their watchers resync by version.',
  registers: [metricsRegistry],
});

export const liveRelayStale = new Counter({
  name: 'seatstorm_live_relay_stale_total',
  help: 'booking.updated and notification messages not pushed to sockets because they were older than LIVE_RELAY_MAX_AGE_MS, by topic.',
  labelNames: ['topic'] as const,
  registers: [metricsRegistry],
});

export const liveRelayLag = new Histogram({
  name: 'seatstorm_live_relay_lag_seconds',
  help: 'From a message being written to Kafka to this instance handing it to socket.io, by topic.',
  labelNames: ['topic'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

/** What the rooms gauge reads of a socket.io server: the rooms of its namespace, on this instance. */
interface RoomsHolder {
  of(namespace: '/'): { adapter: { rooms: ReadonlyMap<string, unknown> } };
}

/** The socket.io servers of this process (one per gateway it runs). */
const servers = new Set<RoomsHolder>();
/** Rooms named `<kind>:<id>` (contracts' roomOf…); a socket's own room has no kind and is not counted. */
const ROOM_KINDS = ['event', 'user', 'lab', 'queue'] as const;

export const liveRooms = new Gauge({
  name: 'seatstorm_live_rooms',
  help: 'socket.io rooms with at least one socket on this gateway instance, by kind: event (a seat map watched), user (a signed-in person), lab, queue (a waiting room watched).',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
  collect() {
    const counts = new Map<string, number>(ROOM_KINDS.map((kind) => [kind, 0]));
    for (const server of servers) {
      for (const room of server.of('/').adapter.rooms.keys()) {
        const kind = room.slice(0, room.indexOf(':'));
        const count = counts.get(kind);
        if (count !== undefined) counts.set(kind, count + 1);
      }
    }
    for (const [kind, count] of counts) this.set({ kind }, count);
  },
});

/** Counts the rooms of `server` in `seatstorm_live_rooms` until the returned function is called. */
export function countRoomsOf(server: RoomsHolder): () => void {
  servers.add(server);
  return () => servers.delete(server);
}
