/**
 * The waiting room under an on-sale crowd: N buyers join one event's queue
 * over REST while admission is paused, some of them also watch it over the
 * socket; then admission opens at a fixed rate and the run measures how close
 * the rate admitted comes to the target, what Redis spends (CPU, memory per
 * 10,000 waiting) and how long each tick's `queue.updated` takes to reach every
 * waiting socket.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AppConfig } from '@seatstorm/config';
import { queuePlaceSchema, SocketEvent, type ClientToServerEvents, type ServerToClientEvents, type WaitingRoomStats } from '@seatstorm/contracts';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { buildEvent } from '../../test/builders/event.builder';
import { WaitingRoomStore } from '../../apps/gateway/src/waiting-room/waiting-room.store';
import { buildUsers } from '../../test/builders/user.builder';
import { Latency } from '../load/histogram';
import { log } from '../report';
import type { WaitingRoomRun } from '../results';

export interface WaitingRoomOptions {
  config: AppConfig;
  db: Pool;
  url: string;
  buyers: number;
  sockets: number;
  /** Buyers admitted per minute. */
  perMinute: number;
  /** Concurrent REST joins. */
  connections: number;
}

const now = () => performance.timeOrigin + performance.now();
const CONNECT_CONCURRENCY = 100;
/** The gateways read an event's settings at most every 2 s: unpausing takes effect within this. */
const SETTINGS_DELAY_MS = 2500;

export async function runWaitingRoom(options: WaitingRoomOptions): Promise<WaitingRoomRun> {
  const { eventId } = await buildEvent(options.db);
  await options.db.query(`UPDATE events SET waiting_room_enabled = true, admission_per_minute = $2, admission_paused = true WHERE id = $1`, [
    eventId,
    options.perMinute,
  ]);
  log(`waiting room: ${options.buyers.toLocaleString('en-US')} buyers join one queue (${options.connections} connections)…`);
  const buyers = await buildUsers(options.db, options.config, options.buyers, 'Queued');
  const redis = new Redis(options.config.REDIS_URL);
  try {
    const cpuBefore = await redisCpuMs(redis);
    const joinStarted = now();
    const joinLatency = await joinAll(
      options.url,
      eventId,
      buyers.map((buyer) => buyer.token),
      options.connections,
    );
    const joinSeconds = (now() - joinStarted) / 1000;
    const joinCpuMs = (await redisCpuMs(redis)) - cpuBefore;
    const bytes = await queueBytes(redis, options.config, eventId);
    log(`  ${Math.round(options.buyers / joinSeconds).toLocaleString('en-US')} joins/s; Redis ${(bytes / 1024).toFixed(0)} KiB for the queue`);

    log(`  ${options.sockets.toLocaleString('en-US')} of them watch over the socket…`);
    const watchers = await watch(
      options.url,
      eventId,
      buyers.slice(0, options.sockets).map((buyer) => buyer.token),
    );
    try {
      const admissionCpuBefore = await redisCpuMs(redis);
      await options.db.query(`UPDATE events SET admission_paused = false WHERE id = $1`, [eventId]);
      const openedAt = now();
      const deadline = openedAt + SETTINGS_DELAY_MS + (options.buyers / options.perMinute) * 60_000 * 2 + 10_000;
      log(`  admitting at ${options.perMinute.toLocaleString('en-US')} a minute…`);
      while (now() < deadline && (watchers.latest()?.admittedCount ?? 0) < options.buyers) await new Promise((resolve) => setTimeout(resolve, 200));
      const admissionSeconds = (now() - openedAt) / 1000;
      const admissionCpuMs = (await redisCpuMs(redis)) - admissionCpuBefore;
      const ticks = watchers.ticks();
      const admitted = watchers.latest()?.admittedCount ?? 0;
      // The steady stretch: from the first tick that admitted anyone to the last one before the queue ran dry.
      const moving = ticks.filter((tick) => tick.admittedCount > 0 && tick.waiting > 0);
      const first = moving[0];
      const last = moving.at(-1);
      const measuredPerMinute = first && last && last.at > first.at ? ((last.admittedCount - first.admittedCount) / (last.at - first.at)) * 60_000 : 0;
      const reach = new Latency();
      for (const tick of ticks) if (tick.receivedBy === watchers.connected) reach.record(tick.lastReceivedAt - tick.at);
      const lagging = ticks.filter((tick) => tick.receivedBy < watchers.connected).length;
      return {
        buyers: options.buyers,
        sockets: watchers.connected,
        targetPerMinute: options.perMinute,
        measuredPerMinute,
        admitted,
        admissionSeconds,
        joinsPerSecond: options.buyers / joinSeconds,
        joinLatency: joinLatency.summary(),
        redisCpuMsPer1000Joins: (joinCpuMs * 1000) / options.buyers,
        redisCpuShareWhileAdmitting: admissionCpuMs / (admissionSeconds * 1000),
        redisBytesPer10000Waiting: (bytes * 10_000) / options.buyers,
        tickToEverySocket: reach.summary(),
        ticksNotReachingEverySocket: lagging,
      };
    } finally {
      watchers.close();
    }
  } finally {
    await redis.quit();
  }
}

/** Redis's own CPU time so far (INFO cpu), in ms. */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const seconds = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return (seconds('used_cpu_sys') + seconds('used_cpu_user')) * 1000;
}

/** What the event's queue keys take in Redis. */
async function queueBytes(redis: Redis, config: AppConfig, eventId: string): Promise<number> {
  let total = 0;
  for (const key of new WaitingRoomStore(redis, config).keysOf(eventId)) total += (await redis.memory('USAGE', key, 'SAMPLES', '0')) ?? 0;
  return total;
}

/** POSTs every join over keep-alive connections, `connections` at a time; answers their latency. */
async function joinAll(url: string, eventId: string, tokens: readonly string[], connections: number): Promise<Latency> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latency = new Latency();
  const target = new URL(`/events/${eventId}/queue`, url);
  let next = 0;
  const failures: string[] = [];
  const one = (token: string) =>
    new Promise<void>((resolve) => {
      const started = now();
      const req = request(target, { method: 'POST', agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          latency.record(now() - started);
          if (res.statusCode !== 200 || !queuePlaceSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString())).success)
            failures.push(String(res.statusCode));
          resolve();
        });
      });
      req.on('error', (error) => {
        failures.push(error.message);
        resolve();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < tokens.length) await one(tokens[next++]!);
    }),
  );
  agent.destroy();
  if (failures.length > 0) throw new Error(`${failures.length} joins failed, e.g. ${failures.slice(0, 3).join(', ')}`);
  return latency;
}

interface Tick {
  /** The tick's time at the ticking gateway (ms). */
  at: number;
  admittedCount: number;
  waiting: number;
  receivedBy: number;
  lastReceivedAt: number;
}

/** Sockets that take their place (already theirs) and note when each tick's `queue.updated` reaches them. */
async function watch(url: string, eventId: string, tokens: readonly string[]) {
  const ticks = new Map<string, Tick>();
  let latest: WaitingRoomStats | undefined;
  const sockets: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];
  const onUpdate = (stats: WaitingRoomStats) => {
    const received = now();
    const tick = ticks.get(stats.at) ?? {
      at: Date.parse(stats.at),
      admittedCount: stats.admittedCount,
      waiting: stats.waiting,
      receivedBy: 0,
      lastReceivedAt: 0,
    };
    tick.receivedBy += 1;
    tick.lastReceivedAt = Math.max(tick.lastReceivedAt, received);
    ticks.set(stats.at, tick);
    if (!latest || stats.admittedCount >= latest.admittedCount) latest = stats;
  };
  const connect = (token: string) =>
    new Promise<boolean>((resolve) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token },
      });
      sockets.push(socket);
      socket.on(SocketEvent.QueueUpdated, onUpdate);
      socket.once('connect_error', () => resolve(false));
      socket.once('connect', () => socket.emit(SocketEvent.QueueJoin, { eventId }, (reply) => resolve('status' in reply)));
    });
  let connected = 0;
  for (let first = 0; first < tokens.length; first += CONNECT_CONCURRENCY) {
    connected += (await Promise.all(tokens.slice(first, first + CONNECT_CONCURRENCY).map(connect))).filter(Boolean).length;
  }
  // Only ticks after every socket had joined count.
  ticks.clear();
  return {
    connected,
    latest: () => latest,
    ticks: () => [...ticks.values()].sort((a, b) => a.at - b.at),
    close: () => sockets.forEach((socket) => socket.close()),
  };
}
