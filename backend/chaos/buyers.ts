import { randomUUID } from 'node:crypto';
import { TEST_CARDS, type Booking } from '@seatstorm/contracts';
import { call } from '../test/http';
import { Admission, emptyAdmissionLog, type AdmissionLog } from './admissions';
import type { Watcher } from './watchers';

export const CARD_SUCCEEDS = TEST_CARDS.pays;
export const CARD_DECLINED = TEST_CARDS.declined;

/** What the buyers were told, by booking: the facts the invariants hold the system to. */
export interface Ledger {
  /** Holds answered 201, with the seats the answer named. */
  reserved: Map<string, { seatIds: string[]; token: string }>;
  /** Holds answered 202 (pending). */
  pending: Map<string, { seatIds: string[]; token: string }>;
  /** Payments answered 202 (accepted), with the card they were made with. */
  paid: Map<string, { card: string; token: string }>;
  /** Cancels answered 200 or 202: of a hold, or of a paid booking (a refund). */
  cancelled: Set<string>;
  /** Cancels asked for, answered or not (an answer lost to a fault may still have cancelled). */
  cancelAsked: Set<string>;
  /** Answers by kind and status, e.g. `hold 201`, `pay 409`, `hold error`. */
  answers: Record<string, number>;
  /** The waiting room's side: each buyer's times in line, and passes refused. */
  admissions: AdmissionLog;
  /** Requests answered 500 INTERNAL_ERROR: a bug, where a fault must be a 503 to try again. */
  internalErrors: Array<{ kind: string; at: number; body: string }>;
}

export const emptyLedger = (): Ledger => ({
  reserved: new Map(),
  pending: new Map(),
  paid: new Map(),
  cancelled: new Set(),
  cancelAsked: new Set(),
  answers: {},
  admissions: emptyAdmissionLog(),
  internalErrors: [],
});

export interface Buyer {
  token: string;
  /** The gateway this buyer talks to, and the map it picks seats from (a watcher on that gateway). */
  gatewayUrl: string;
  view: Watcher;
}

export interface BuyersOptions {
  eventId: string;
  /** Pause before each attempt, ms (uniform in [0, thinkMs]). */
  thinkMs: number;
  /** The event has a waiting room: each buyer queues for a pass and holds with it. */
  waitingRoom: boolean;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** A client retries an unanswered or failed request (with the same Idempotency-Key for a hold) this often. */
const RETRIES = 3;
const RETRY_PAUSE_MS = 300;
const MAX_SEATS = 3;

/**
 * A flash sale: signed-in buyers spread over the gateways, each in a loop
 * until paused: with a waiting room, queue for a pass (again whenever it nears
 * its end); hold 1–3 seats its map shows free (POST /bookings with an
 * Idempotency-Key, retried with the same key when the answer is lost), then
 * mostly pay with the card that succeeds (and sometimes cancel at once, for a
 * refund), sometimes with one that is declined, sometimes cancel the hold,
 * sometimes walk away and let it expire.
 * Everything answered goes into the ledger.
 */
export class Buyers {
  readonly ledger = emptyLedger();
  private loops: Array<Promise<void>> = [];
  private running = false;
  private readonly admissions: ReadonlyMap<Buyer, Admission>;

  constructor(
    private readonly buyers: readonly Buyer[],
    private readonly options: BuyersOptions,
  ) {
    this.admissions = new Map(
      options.waitingRoom
        ? buyers.map((buyer, n) => [buyer, new Admission(`buyer ${n + 1}`, buyer.gatewayUrl, buyer.token, options.eventId, this.ledger.admissions)])
        : [],
    );
  }

  get attempts(): number {
    return Object.entries(this.ledger.answers)
      .filter(([key]) => key.startsWith('hold '))
      .reduce((sum, [, n]) => sum + n, 0);
  }

  resume(): void {
    if (this.running) return;
    this.running = true;
    this.loops = this.buyers.map((buyer) => this.loop(buyer));
  }

  /** Looks again at every buyer the pause left in the waiting room's line; true once none is left waiting. */
  async lineCleared(): Promise<boolean> {
    const cleared = await Promise.all([...this.admissions.values()].map((admission) => admission.lookAgain()));
    return cleared.every(Boolean);
  }

  /** Stops every buyer after what it is doing; resolves once every request it made is answered (or given up). */
  async pause(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private async loop(buyer: Buyer): Promise<void> {
    while (this.running) {
      await sleep(Math.random() * this.options.thinkMs);
      const admission = this.admissions.get(buyer);
      const pass = await admission?.passWhile(() => this.running);
      if (admission && pass === undefined) continue;
      const seatIds = pickFree(buyer.view, 1 + Math.floor(Math.random() * MAX_SEATS));
      if (seatIds.length === 0) continue;
      const hold = { eventId: this.options.eventId, seatIds, ...(pass ? { admissionPass: pass } : {}) };
      const reply = await this.request('hold', buyer, '/bookings', hold, { 'idempotency-key': `chaos-${randomUUID()}` });
      const refusal = reply?.status === 403 ? (reply.body as { error?: string; details?: { reason?: string } }) : undefined;
      if (refusal?.error === 'ADMISSION_REQUIRED') admission?.refused(refusal.details?.reason);
      if (reply?.status === 202) this.ledger.pending.set((reply.body as Booking).id, { seatIds, token: buyer.token });
      if (reply?.status !== 201) continue;
      const booking = reply.body as Booking;
      this.ledger.reserved.set(booking.id, { seatIds: booking.seatIds, token: buyer.token });
      const choice = Math.random();
      if (choice < 0.6) {
        // Some change their mind at once, while the charge may still be under way: it must be refunded.
        if ((await this.pay(buyer, booking.id, CARD_SUCCEEDS)) && choice < 0.2) await this.cancel(buyer, booking.id);
      } else if (choice < 0.7) await this.pay(buyer, booking.id, CARD_DECLINED);
      else if (choice < 0.85) await this.cancel(buyer, booking.id);
    }
  }

  private async pay(buyer: Buyer, bookingId: string, card: string): Promise<boolean> {
    const reply = await this.request('pay', buyer, `/bookings/${bookingId}/pay`, { card });
    if (reply?.status === 202) this.ledger.paid.set(bookingId, { card, token: buyer.token });
    return reply?.status === 202;
  }

  private async cancel(buyer: Buyer, bookingId: string): Promise<void> {
    this.ledger.cancelAsked.add(bookingId);
    const reply = await this.request('cancel', buyer, `/bookings/${bookingId}/cancel`, {});
    if (reply?.status === 200 || reply?.status === 202) this.ledger.cancelled.add(bookingId);
  }

  /** One request, retried as a client would while it gets no answer or a 5xx; tallied by its last outcome. */
  private async request(
    kind: string,
    buyer: Buyer,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: unknown } | undefined> {
    let outcome = 'error';
    for (let attempt = 0; attempt <= RETRIES; attempt += 1) {
      if (attempt > 0) await sleep(RETRY_PAUSE_MS);
      try {
        const reply = await call(`${buyer.gatewayUrl}${path}`, { token: buyer.token, body, headers, timeoutMs: REQUEST_TIMEOUT_MS });
        outcome = String(reply.status);
        if (reply.status === 500) this.ledger.internalErrors.push({ kind, at: Date.now(), body: JSON.stringify(reply.body) });
        if (reply.status < 500) {
          this.tally(kind, outcome);
          return reply;
        }
      } catch (error) {
        outcome = (error as Error).name === 'TimeoutError' ? 'timeout' : 'error';
      }
    }
    this.tally(kind, outcome);
    return undefined;
  }

  private tally(kind: string, outcome: string): void {
    const key = `${kind} ${outcome}`;
    this.ledger.answers[key] = (this.ledger.answers[key] ?? 0) + 1;
  }
}

/** Up to `count` seats the map shows available, at random. */
function pickFree(view: Watcher, count: number): string[] {
  const free = [...view.sync.seats.values()].filter((seat) => seat.status === 'available');
  const picked = new Set<string>();
  while (picked.size < Math.min(count, free.length)) picked.add(free[Math.floor(Math.random() * free.length)]!.id);
  return [...picked];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
