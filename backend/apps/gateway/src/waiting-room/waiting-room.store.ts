import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { REDIS } from '@seatstorm/redis';
import type { Redis } from 'ioredis';

/**
 * The waiting rooms' state in Redis, shared by every gateway instance and
 * kept across their restarts (docs/architecture.md §8). Keys are named after
 * the deployment (KAFKA_CLIENT_ID, as the socket.io channels are), so stacks
 * sharing one Redis never tick each other's rooms; per event, under one hash
 * tag so a Redis Cluster keeps an event's keys on one shard:
 *
 *   wr:{e}:m     hash   phase (pre|open), seq (last ticket), served (admitted so far),
 *                       last (ms of the last admission tick), carry, rate (adaptive, per minute)
 *   wr:{e}:pre   zset   the pre-queue: user → when they joined (the order is never used)
 *   wr:{e}:q     zset   the queue: user → ticket, 1, 2, 3 … from the front
 *   wr:{e}:adm   zset   admitted: user → when (ms); their pass lasts the pass TTL from then
 *   wr:{e}:got   zset   admitted buyers who have asked since: user → when their pass began
 *
 * An admission its buyer has not asked about yet is kept for the claim window
 * (the pass TTL, a minute at least): a buyer who could not reach the room
 * when let in (their gateway restarting, say) and asks only once the pass
 * would have run out is given one from then, instead of losing their turn.
 *
 * Every change that reads and writes is one Lua script, so two gateways
 * never hand out one ticket twice or admit one buyer twice.
 */

/** Opens the room once its on-sale time has come: the pre-queue, shuffled, becomes the queue's front. */
const OPEN = `
local function open_room(meta, pre, q, now, on_sale_at, seed)
  if now < on_sale_at or redis.call('HGET', meta, 'phase') == 'open' then return end
  local members = redis.call('ZRANGE', pre, 0, -1)
  -- Fisher-Yates with the caller's random seed: every order equally likely.
  math.randomseed(seed)
  for i = #members, 2, -1 do
    local j = math.random(i)
    members[i], members[j] = members[j], members[i]
  end
  local seq = tonumber(redis.call('HGET', meta, 'seq') or '0')
  local args = {}
  for i = 1, #members do
    args[#args + 1] = seq + i
    args[#args + 1] = members[i]
    if #args >= 2000 then redis.call('ZADD', q, unpack(args)); args = {} end
  end
  if #args > 0 then redis.call('ZADD', q, unpack(args)) end
  redis.call('HSET', meta, 'phase', 'open', 'seq', seq + #members, 'last', now)
  redis.call('DEL', pre)
end
`;

/**
 * A buyer's place, taking one if they have none and `take` is 1: 'admitted'
 * with when; 'pre'; 'queued' with ticket and people ahead; or 'none'. A pass
 * that ran out sends its buyer to the back.
 * KEYS meta pre q adm got · ARGV user now onSaleAt seed passTtlMs take claimMs
 */
const PLACE = `${OPEN}
local meta, pre, q, adm, got = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local user, now, on_sale_at, seed, ttl, take, claim = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6] == '1', tonumber(ARGV[7])
open_room(meta, pre, q, now, on_sale_at, seed)
local admitted_at = redis.call('ZSCORE', adm, user)
if admitted_at and not redis.call('ZSCORE', got, user) and tonumber(admitted_at) > now - claim then
  -- The buyer's first word since being let in: a pass that would have run out unheard of runs from now.
  if tonumber(admitted_at) <= now - ttl then
    admitted_at = tostring(now)
    redis.call('ZADD', adm, now, user)
  end
  redis.call('ZADD', got, admitted_at, user)
end
if admitted_at and tonumber(admitted_at) > now - ttl then return {'admitted', admitted_at} end
if redis.call('HGET', meta, 'phase') ~= 'open' then
  if take then redis.call('ZADD', pre, 'NX', now, user) end
  if redis.call('ZSCORE', pre, user) then return {'pre'} end
  return {'none'}
end
local ticket = redis.call('ZSCORE', q, user)
if not ticket then
  if not take then return {'none'} end
  if admitted_at then redis.call('ZREM', adm, user); redis.call('ZREM', got, user) end
  ticket = redis.call('HINCRBY', meta, 'seq', 1)
  redis.call('ZADD', q, ticket, user)
end
return {'queued', tostring(ticket), redis.call('ZCOUNT', q, '-inf', '(' .. ticket)}
`;

/**
 * Admits `admit` buyers from the front, if nobody ticked since `last` was
 * read (two gateways that both believe they lead admit once, not twice).
 * KEYS meta pre q adm got · ARGV now onSaleAt seed lastSeen admit carry rate keepMs
 */
const ADMIT = `${OPEN}
local meta, pre, q, adm, got = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local now, on_sale_at, seed = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local last_seen, admit, carry, rate, keep = ARGV[4], tonumber(ARGV[5]), ARGV[6], ARGV[7], tonumber(ARGV[8])
open_room(meta, pre, q, now, on_sale_at, seed)
if redis.call('HGET', meta, 'phase') ~= 'open' then return {} end
if (redis.call('HGET', meta, 'last') or '') ~= last_seen then return {} end
redis.call('ZREMRANGEBYSCORE', adm, '-inf', '(' .. (now - keep))
redis.call('ZREMRANGEBYSCORE', got, '-inf', '(' .. (now - keep))
local admitted = {}
if admit > 0 then
  local popped = redis.call('ZPOPMIN', q, admit)
  local args = {}
  for i = 1, #popped, 2 do
    admitted[#admitted + 1] = popped[i]
    args[#args + 1] = now
    args[#args + 1] = popped[i]
  end
  if #args > 0 then
    redis.call('ZADD', adm, unpack(args))
    redis.call('HINCRBY', meta, 'served', #admitted)
  end
end
if redis.call('ZCARD', q) == 0 then carry = '0' end
redis.call('HSET', meta, 'last', now, 'carry', carry, 'rate', rate)
return admitted
`;

/** Takes or keeps the ticking lease: one gateway admits at a time. KEYS lease · ARGV holder ttlMs */
const LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0
`;

/**
 * The shortest claim window: long enough for a gateway or the sign-in service to come back after a crash on a
 * busy machine. An admission nobody claimed counts for nothing else (not among the passes in use), so keeping it
 * costs the line nothing.
 */
export const CLAIM_FLOOR_MS = 5 * 60_000;

/** How long an admission is kept: the pass TTL, five minutes at least; the claim window of one nobody asked about yet. */
export function claimMsOf(clock: Pick<RoomClock, 'passTtlMs'>): number {
  return Math.max(clock.passTtlMs, CLAIM_FLOOR_MS);
}

/** A place as the store reads it. */
export type StoredPlace = { kind: 'admitted'; admittedAt: number } | { kind: 'pre' } | { kind: 'queued'; ticket: number; ahead: number } | { kind: 'none' };

export interface RoomFigures {
  phase: 'pre' | 'open';
  waiting: number;
  admittedCount: number;
  admittedLastMinute: number;
  passesInUse: number;
  /** The adaptive rate last used, if any. */
  rate: number | undefined;
  /** The last admission tick (ms) as stored, '' before the first, and the fraction it carried. */
  last: string;
  carry: number;
}

/** One room's timing: when it opens and how long a pass lasts. */
export interface RoomClock {
  now: number;
  onSaleAt: number;
  passTtlMs: number;
  /** Drawn by the caller for the shuffle at the on-sale; any gateway may be the one that opens the room. */
  seed: number;
}

@Injectable()
export class WaitingRoomStore {
  private readonly active: string;
  private readonly leaseKey: string;
  private readonly signalsKey: string;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'KAFKA_CLIENT_ID'>,
  ) {
    this.active = `${config.KAFKA_CLIENT_ID}:wr:active`;
    this.leaseKey = `${config.KAFKA_CLIENT_ID}:wr:lease`;
    this.signalsKey = `${config.KAFKA_CLIENT_ID}:wr:signals`;
  }

  /** The Redis keys of one event's room: meta, pre-queue, queue, admitted, admitted and asked since. */
  keysOf(eventId: string): [string, string, string, string, string] {
    const tag = `${this.config.KAFKA_CLIENT_ID}:wr:{${eventId}}`;
    return [`${tag}:m`, `${tag}:pre`, `${tag}:q`, `${tag}:adm`, `${tag}:got`];
  }

  /** The buyer's place, taking one when `take` (one per account: taking again finds the same). */
  async place(eventId: string, userId: string, clock: RoomClock, take: boolean): Promise<StoredPlace> {
    if (take) await this.redis.sadd(this.active, eventId);
    const keys = this.keysOf(eventId);
    const reply = (await this.redis.eval(
      PLACE,
      keys.length,
      ...keys,
      userId,
      clock.now,
      clock.onSaleAt,
      clock.seed,
      clock.passTtlMs,
      take ? 1 : 0,
      claimMsOf(clock),
    )) as string[];
    switch (reply[0]) {
      case 'admitted':
        return { kind: 'admitted', admittedAt: Number(reply[1]) };
      case 'pre':
        return { kind: 'pre' };
      case 'queued':
        return { kind: 'queued', ticket: Number(reply[1]), ahead: Number(reply[2]) };
      default:
        return { kind: 'none' };
    }
  }

  /** Gives a place up, wherever it is; a pass already issued stays valid until it expires. */
  async leave(eventId: string, userId: string): Promise<void> {
    const [, pre, q, adm, got] = this.keysOf(eventId);
    await this.redis.multi().zrem(pre, userId).zrem(q, userId).zrem(adm, userId).zrem(got, userId).exec();
  }

  async figures(eventId: string, now: number, passTtlMs: number): Promise<RoomFigures> {
    const [meta, pre, q, adm] = this.keysOf(eventId);
    const results = await this.redis
      .multi()
      .hmget(meta, 'phase', 'served', 'rate', 'last', 'carry')
      .zcard(pre)
      .zcard(q)
      .zcount(adm, now - 60_000, '+inf')
      .zcount(adm, now - passTtlMs, '+inf')
      .exec();
    if (!results) throw new Error('the waiting room transaction was aborted');
    const value = <T>(i: number): T => {
      const [error, result] = results[i]!;
      if (error) throw error;
      return result as T;
    };
    const [phase, served, rate, last, carry] = value<Array<string | null>>(0);
    return {
      phase: phase === 'open' ? 'open' : 'pre',
      waiting: value<number>(1) + value<number>(2),
      admittedCount: Number(served ?? 0),
      admittedLastMinute: value<number>(3),
      passesInUse: value<number>(4),
      rate: rate === null || rate === undefined ? undefined : Number(rate),
      last: last ?? '',
      carry: Number(carry ?? 0),
    };
  }

  /** Admits up to `admit` buyers from the front; answers who, in order (none if another tick came first). */
  async admit(eventId: string, clock: RoomClock, tick: { lastSeen: string; admit: number; carry: number; rate: number }): Promise<string[]> {
    const keys = this.keysOf(eventId);
    return (await this.redis.eval(
      ADMIT,
      keys.length,
      ...keys,
      clock.now,
      clock.onSaleAt,
      clock.seed,
      tick.lastSeen,
      tick.admit,
      tick.carry,
      tick.rate,
      claimMsOf(clock),
    )) as string[];
  }

  /** Events whose room someone joined: the ticker's round. */
  activeRooms(): Promise<string[]> {
    return this.redis.smembers(this.active);
  }

  async forget(eventId: string): Promise<void> {
    await this.redis
      .multi()
      .srem(this.active, eventId)
      .del(...this.keysOf(eventId))
      .exec();
  }

  /** Takes or renews the lease to tick; false while another gateway holds it. */
  async lease(holder: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(LEASE, 1, this.leaseKey, holder, ttlMs)) === 1;
  }

  async releaseLease(holder: string): Promise<void> {
    // Only to a Redis that is there: a command queued for one that is away fails when the connection closes.
    if (this.redis.status !== 'ready') return;
    await this.redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end`, 1, this.leaseKey, holder);
  }

  /** One gateway's hold-decision figures since its last report. */
  async reportSignal(instance: string, signal: { count: number; p90Ms: number }, now: number): Promise<void> {
    await this.redis.hset(this.signalsKey, instance, `${signal.count},${signal.p90Ms},${now}`);
  }

  /** Every gateway's latest figures reported since `since` (ms). */
  async signals(since: number): Promise<Array<{ count: number; p90Ms: number }>> {
    const all = await this.redis.hgetall(this.signalsKey);
    const fresh: Array<{ count: number; p90Ms: number }> = [];
    for (const [instance, value] of Object.entries(all)) {
      const [count, p90Ms, at] = value.split(',').map(Number) as [number, number, number];
      if (at >= since) fresh.push({ count, p90Ms });
      else await this.redis.hdel(this.signalsKey, instance);
    }
    return fresh;
  }
}
