/**
 * One process of flash-sale buyers (forked by flash-sale.ts, run under tsx).
 * Each buyer is a signed-in socket that, until the house is sold out, picks
 * 1–4 adjacent seats it believes free (mostly in the best sections), holds
 * them over the socket, and on a conflict picks again; a few let their hold
 * go again, as abandoned carts do. What each process believes free comes
 * from the seat.updated deltas of one watching socket, and from its own
 * answers.
 */
import { performance } from 'node:perf_hooks';
import { SocketEvent, type Booking, type ClientToServerEvents, type ErrorBody, type ReleaseAck, type ServerToClientEvents } from '@seatstorm/contracts';
import { io, type Socket } from 'socket.io-client';
import { Latency } from '../load/histogram';

export interface BuyersSetup {
  gatewayUrl: string;
  eventId: string;
  tokens: string[];
  /** Seat labels (`S01-R01-1`), the sought-after ones first. */
  labels: string[];
  hotCount: number;
  hotShare: number;
  /** Share of won holds released again soon after. */
  abandonShare: number;
  /** Pause between one answer and a buyer's next attempt, ms (uniform in [0, thinkMs]). */
  thinkMs: number;
}

export type BuyersCommand = ({ type: 'setup' } & BuyersSetup) | { type: 'go' } | { type: 'status' } | { type: 'stop' };

export type BuyersReport =
  | { type: 'ready'; buyers: number }
  | { type: 'status'; attempts: number }
  | {
      type: 'result';
      attempts: number;
      statuses: Record<string, number>;
      latency: string;
      /** Bookings answered 201, with their seats, and those this process asked to release again (each answered before this report). */
      won: Array<[bookingId: string, seatIds: string[]]>;
      released: string[];
    };

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CONNECT_CONCURRENCY = 100;
const ACK_TIMEOUT_MS = 10_000;
const MAX_SEATS = 4;
/** A released cart is let go this long after it was won. */
const ABANDON_AFTER_MS = 200;
const send = (report: BuyersReport) => process.send?.(report);

/** A set of labels with O(1) add, delete and uniform random pick. */
class Pool {
  private readonly items: string[] = [];
  private readonly index = new Map<string, number>();

  add(label: string): void {
    if (this.index.has(label)) return;
    this.index.set(label, this.items.length);
    this.items.push(label);
  }

  delete(label: string): void {
    const at = this.index.get(label);
    if (at === undefined) return;
    const last = this.items.pop()!;
    this.index.delete(label);
    if (last !== label) {
      this.items[at] = last;
      this.index.set(last, at);
    }
  }

  has(label: string): boolean {
    return this.index.has(label);
  }

  get size(): number {
    return this.items.length;
  }

  random(): string | undefined {
    return this.items[Math.floor(Math.random() * this.items.length)];
  }
}

let setup: BuyersSetup | undefined;
const sockets: LiveSocket[] = [];
let watcher: LiveSocket | undefined;
const free = new Pool();
const freeHot = new Pool();
let hot = new Set<string>();
let running = false;
let attempts = 0;
const statuses: Record<string, number> = {};
const latency = new Latency();
const won: Array<[string, string[]]> = [];
const released: string[] = [];
const busy: Array<Promise<void>> = [];
/** Carts to let go that are not asked for yet, and releases asked for but not answered yet. */
const abandoning = new Set<NodeJS.Timeout>();
const releasing: Array<Promise<void>> = [];

const labelOf = (seatId: string) => seatId.slice(setup!.eventId.length + 1);
const seatIdOf = (label: string) => `${setup!.eventId}_${label}`;

function markTaken(label: string): void {
  free.delete(label);
  freeHot.delete(label);
}

function markFree(label: string): void {
  free.add(label);
  if (hot.has(label)) freeHot.add(label);
}

/** `S01-R01-7` → the label `offset` seats along the same row. */
function neighbour(label: string, offset: number): string {
  const dash = label.lastIndexOf('-');
  return `${label.slice(0, dash)}-${Number(label.slice(dash + 1)) + offset}`;
}

/** 1–4 adjacent seats this process believes free, around a seat drawn mostly from the best sections. */
function pick(): string[] | undefined {
  const first = (freeHot.size > 0 && Math.random() < setup!.hotShare ? freeHot : free).random();
  if (!first) return undefined;
  const wanted = 1 + Math.floor(Math.random() * MAX_SEATS);
  const seats = [first];
  for (let offset = 1; seats.length < wanted && free.has(neighbour(first, offset)); offset += 1) seats.push(neighbour(first, offset));
  for (let offset = -1; seats.length < wanted && free.has(neighbour(first, offset)); offset -= 1) seats.push(neighbour(first, offset));
  return seats;
}

function connect(token?: string): Promise<LiveSocket> {
  const socket: LiveSocket = io(setup!.gatewayUrl, { transports: ['websocket'], forceNew: true, reconnection: false, ...(token ? { auth: { token } } : {}) });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function prepare(options: BuyersSetup): Promise<void> {
  setup = options;
  hot = new Set(options.labels.slice(0, options.hotCount));
  for (const label of options.labels) markFree(label);
  watcher = await connect();
  watcher.on(SocketEvent.SeatUpdated, (delta) => {
    for (const change of delta.changes) {
      if (change.status === 'available') markFree(labelOf(change.seatId));
      else markTaken(labelOf(change.seatId));
    }
  });
  await new Promise<void>((resolve) => watcher!.emit(SocketEvent.Subscribe, { eventId: options.eventId }, () => resolve()));
  for (let first = 0; first < options.tokens.length; first += CONNECT_CONCURRENCY) {
    sockets.push(...(await Promise.all(options.tokens.slice(first, first + CONNECT_CONCURRENCY).map((token) => connect(token)))));
  }
  send({ type: 'ready', buyers: sockets.length });
}

function hold(socket: LiveSocket, seatIds: string[], key: string): Promise<Booking | ErrorBody | 'timeout'> {
  return new Promise((resolve) => {
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit(SocketEvent.Hold, { eventId: setup!.eventId, seatIds, idempotencyKey: key }, (error: Error | null, reply: Booking | ErrorBody) =>
        resolve(error ? 'timeout' : reply),
      );
  });
}

async function buyer(socket: LiveSocket, n: number): Promise<void> {
  const options = setup!;
  for (let attempt = 0; running; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * options.thinkMs));
    const labels = pick();
    if (!labels) continue;
    for (const label of labels) markTaken(label);
    attempts += 1;
    const sent = performance.now();
    const reply = await hold(socket, labels.map(seatIdOf), `flash-${process.pid}-${n}-${attempt}`);
    latency.record(performance.now() - sent);
    const status = reply === 'timeout' ? 'timeout' : 'statusCode' in reply ? String(reply.statusCode) : reply.status === 'pending' ? '202' : '201';
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (reply === 'timeout' || status === '202') continue;
    if (!('statusCode' in reply)) {
      won.push([reply.id, reply.seatIds]);
      if (Math.random() < options.abandonShare) {
        const bookingId = reply.id;
        const timer = setTimeout(() => {
          abandoning.delete(timer);
          released.push(bookingId);
          releasing.push(
            new Promise((answered) =>
              socket.timeout(ACK_TIMEOUT_MS).emit(SocketEvent.Release, { bookingId }, (error: Error | null, ack: ReleaseAck | ErrorBody) => {
                const outcome = error ? 'release timeout' : 'statusCode' in ack ? `release ${ack.statusCode}` : 'release ok';
                statuses[outcome] = (statuses[outcome] ?? 0) + 1;
                answered();
              }),
            ),
          );
        }, ABANDON_AFTER_MS);
        abandoning.add(timer);
      }
      continue;
    }
    // Refused: the seats it names are taken; the others of the pick are free again as far as this buyer knows.
    const lost = new Set(((reply.details as { seatIds?: string[] } | undefined)?.seatIds ?? []).map(labelOf));
    for (const label of labels) if (!lost.has(label)) markFree(label);
  }
}

process.on('message', (command: BuyersCommand) => {
  if (command.type === 'setup') void prepare(command);
  else if (command.type === 'go') {
    running = true;
    busy.push(...sockets.map((socket, n) => buyer(socket, n)));
  } else if (command.type === 'status') send({ type: 'status', attempts });
  else {
    running = false;
    void (async () => {
      await Promise.all(busy);
      // A cart not let go yet stays held; a release asked for is waited for, so the books are checked after it.
      for (const timer of abandoning) clearTimeout(timer);
      await Promise.all(releasing);
      send({ type: 'result', attempts, statuses, latency: latency.encode(), won, released });
      for (const socket of [...sockets, ...(watcher ? [watcher] : [])]) socket.close();
    })();
  }
});

process.on('disconnect', () => process.exit(0));
