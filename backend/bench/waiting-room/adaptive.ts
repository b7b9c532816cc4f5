/**
 * The adaptive waiting room under its own crowd: buyers queue on sockets for
 * an event whose room admits adaptively, and each one let in holds seat after
 * seat with its pass, so the more the room admits the busier the booking core
 * gets. Every tick records the rate in force and the holds' decision latency:
 * the rate should climb while decisions stay under the target and come down
 * once they do not (docs/architecture.md §8).
 */
import { performance } from 'node:perf_hooks';
import type { AppConfig } from '@seatstorm/config';
import { SocketEvent, type ClientToServerEvents, type ServerToClientEvents } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { buildEvent } from '../../test/builders/event.builder';
import { buildUsers } from '../../test/builders/user.builder';
import { p90 } from '../../apps/gateway/src/waiting-room/waiting-room.rules';
import { log } from '../report';
import type { AdaptiveRoomRun } from '../results';

export interface AdaptiveRoomOptions {
  config: AppConfig;
  db: Pool;
  url: string;
  /** Buyers, one socket each (accounts of their own). */
  buyers: number;
  /** Holds each admitted buyer makes, one after the other. */
  holdsEach: number;
  timeoutSeconds: number;
}

const now = () => performance.timeOrigin + performance.now();
const CONNECT_CONCURRENCY = 100;
/** At most one hold per buyer this often. */
const PACE_MS = 125;

export async function runAdaptiveRoom(options: AdaptiveRoomOptions): Promise<AdaptiveRoomRun> {
  // Seats enough that most holds are granted rather than refused: 10,000 in 100 rows.
  const { eventId, seatIds } = await buildEvent(options.db, { rows: 100, perRow: 100 });
  await options.db.query(`UPDATE events SET waiting_room_enabled = true, admission_per_minute = NULL, admission_paused = true WHERE id = $1`, [eventId]);
  log(`adaptive waiting room: ${options.buyers.toLocaleString('en-US')} buyers queue on sockets, each to hold ${options.holdsEach} times once let in…`);
  const tokens = (await buildUsers(options.db, options.config, options.buyers, 'Adaptive')).map((buyer) => buyer.token);

  const samples: Array<{ at: number; ms: number }> = [];
  const rates: Array<{ at: number; perMinute: number; admitted: number }> = [];
  let admittedSeen = 0;
  let holdsDone = 0;
  const sockets: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];
  const holdAll = async (socket: Socket<ServerToClientEvents, ClientToServerEvents>, pass: string, buyer: number) => {
    for (let i = 0; i < options.holdsEach; i += 1) {
      const seat = seatIds[(buyer * 7919 + i * 104_729) % seatIds.length]!;
      const started = now();
      await socket.emitWithAck(SocketEvent.Hold, { eventId, seatIds: [seat], idempotencyKey: `bench-${buyer}-${i}-${eventId}`, admissionPass: pass });
      const took = now() - started;
      samples.push({ at: now(), ms: took });
      holdsDone += 1;
      // Under the gateway's per-socket limit (LIVE_HOLD_RATE_LIMIT, 10 a second): a refusal there would time nothing.
      if (took < PACE_MS) await new Promise((resolve) => setTimeout(resolve, PACE_MS - took));
    }
  };
  const connect = (token: string, buyer: number) =>
    new Promise<boolean>((resolve) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token },
      });
      sockets.push(socket);
      socket.once(SocketEvent.QueueAdmitted, ({ pass }) => {
        admittedSeen += 1;
        void holdAll(socket, pass, buyer);
      });
      if (buyer === 0)
        socket.on(SocketEvent.QueueUpdated, (stats) => rates.push({ at: now(), perMinute: stats.admittedPerMinute, admitted: stats.admittedCount }));
      socket.once('connect_error', () => resolve(false));
      socket.once('connect', () => socket.emit(SocketEvent.QueueJoin, { eventId }, (reply) => resolve('status' in reply)));
    });
  try {
    let connected = 0;
    for (let first = 0; first < tokens.length; first += CONNECT_CONCURRENCY) {
      const batch = tokens.slice(first, first + CONNECT_CONCURRENCY).map((token, i) => connect(token, first + i));
      connected += (await Promise.all(batch)).filter(Boolean).length;
    }
    await options.db.query(`UPDATE events SET admission_paused = false WHERE id = $1`, [eventId]);
    const openedAt = now();
    const deadline = openedAt + options.timeoutSeconds * 1000;
    const everyone = connected * options.holdsEach;
    while (now() < deadline && holdsDone < everyone) await new Promise((resolve) => setTimeout(resolve, 250));

    // One point per second since the room opened: the rate in force, and the holds decided in that second.
    const seconds = Math.ceil((now() - openedAt) / 1000);
    const timeline = Array.from({ length: seconds }, (_, s) => {
      const from = openedAt + s * 1000;
      const inSecond = samples.filter((sample) => sample.at >= from && sample.at < from + 1000).map((sample) => sample.ms);
      const rate = rates.filter((point) => point.at < from + 1000).at(-1);
      return { t: s + 1, perMinute: rate?.perMinute ?? 0, holdsPerSecond: inSecond.length, p90Ms: Math.round(p90(inSecond)) };
    });
    const moving = timeline.filter((point) => point.perMinute > 0);
    return {
      buyers: connected,
      holdsEach: options.holdsEach,
      admitted: admittedSeen,
      holds: holdsDone,
      seconds: (now() - openedAt) / 1000,
      targetMs: options.config.ADMISSION_TARGET_DECISION_MS,
      startPerMinute: options.config.ADMISSION_START_PER_MINUTE,
      peakPerMinute: Math.max(0, ...moving.map((point) => point.perMinute)),
      timeline,
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}
