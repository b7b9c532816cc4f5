import { queuePlaceSchema, type QueuePlace } from '@seatstorm/contracts';
import { call } from '../test/http';

/** A pass this close to its end is not used for a hold: it could run out on the way. */
const PASS_MARGIN_MS = 3_000;
const POLL_MS = 300;
const REQUEST_TIMEOUT_MS = 5_000;

/** One buyer's time in line: from first seen waiting to let in. */
export interface Wait {
  buyer: string;
  /** When the buyer joined, ms since the epoch. */
  since: number;
  /** How long it took; null while still in line. */
  waitedMs: number | null;
  /** The room said the buyer was not in line any more, though never let in. */
  lost?: boolean;
  /** The last few answers while in line, to tell what happened when the wait went wrong. */
  trail: string[];
}

const TRAIL_KEPT = 8;

/** What the waiting room did for the buyers: the invariants hold it to letting everyone in. */
export interface AdmissionLog {
  waits: Wait[];
  /** Holds made with a pass that was good, refused ADMISSION_REQUIRED all the same. */
  refusedPasses: Array<{ buyer: string; at: number; reason: string }>;
}

export const emptyAdmissionLog = (): AdmissionLog => ({ waits: [], refusedPasses: [] });

/**
 * The sale's waiting room from one buyer's side: join the line over REST,
 * look again until let in, keep the pass until it nears its end, then join
 * again (at the back). Each time in line is logged.
 */
export class Admission {
  private pass?: { token: string; expiresAt: number };
  private wait?: Wait;

  constructor(
    private readonly buyer: string,
    private readonly gatewayUrl: string,
    private readonly token: string,
    private readonly eventId: string,
    private readonly log: AdmissionLog,
  ) {}

  /** A pass good for a hold now; undefined if `running` turned false while in line. */
  async passWhile(running: () => boolean): Promise<string | undefined> {
    if (this.pass && this.pass.expiresAt - Date.now() > PASS_MARGIN_MS) return this.pass.token;
    this.pass = undefined;
    // Joining until the room answers with a place of ours; a join it did not answer is made again.
    let method: 'POST' | 'GET' = 'POST';
    let place = await this.ask(method);
    while (running()) {
      if (place?.status === 'admitted') {
        const left = Date.parse(place.passExpiresAt) - Date.now();
        this.letIn();
        if (left > PASS_MARGIN_MS) return this.keep(place);
        // Let in on a pass about to run out: once it has, the buyer joins again, at the back.
        await sleep(left + POLL_MS);
        method = 'POST';
        place = await this.ask(method);
        continue;
      }
      if (place?.status === 'waiting') {
        method = 'GET';
        if (!this.wait) {
          this.wait = { buyer: this.buyer, since: Date.now(), waitedMs: null, trail: [] };
          this.log.waits.push(this.wait);
        }
      }
      if (place?.status === 'not-queued') {
        this.lostPlace();
        method = 'POST';
      }
      await sleep(POLL_MS);
      place = await this.ask(method);
    }
    return undefined;
  }

  /**
   * While the buyers are paused: is this buyer, left in line, let in by now?
   * The room admits whether or not anyone asks. True unless still waiting.
   */
  async lookAgain(): Promise<boolean> {
    if (!this.wait) return true;
    const place = await this.ask('GET');
    if (place?.status === 'admitted') {
      this.letIn();
      this.keep(place);
    } else if (place?.status === 'not-queued') this.lostPlace();
    return !this.wait;
  }

  private lostPlace(): void {
    if (!this.wait) return;
    this.wait.lost = true;
    this.wait = undefined;
  }

  /**
   * A hold with this buyer's pass was refused ADMISSION_REQUIRED: the next
   * hold asks the room again. A pass that had run out (a hold retried for
   * longer than the pass had left, while the broker restarted) is rightly
   * refused; any other refusal of a pass the room gave is logged.
   */
  refused(reason: string | undefined): void {
    const ranOut = reason === 'expired' || (this.pass !== undefined && this.pass.expiresAt <= Date.now());
    this.pass = undefined;
    if (!ranOut) this.log.refusedPasses.push({ buyer: this.buyer, at: Date.now(), reason: reason ?? 'none given' });
  }

  /** Closes the time in line, if any: the room let this buyer in. */
  private letIn(): void {
    if (this.wait) this.wait.waitedMs = Date.now() - this.wait.since;
    this.wait = undefined;
  }

  /** Keeps the pass for the holds to come; the pass. */
  private keep(place: Extract<QueuePlace, { status: 'admitted' }>): string {
    this.pass = { token: place.pass, expiresAt: Date.parse(place.passExpiresAt) };
    return place.pass;
  }

  /** The buyer's place, or undefined when the gateway did not answer (it is asked again). */
  private async ask(method: 'POST' | 'GET'): Promise<QueuePlace | undefined> {
    const asked = Date.now();
    let place: QueuePlace | undefined;
    let answer: string;
    try {
      const reply = await call(`${this.gatewayUrl}/events/${this.eventId}/queue`, { method, token: this.token, timeoutMs: REQUEST_TIMEOUT_MS });
      place = reply.status === 200 ? queuePlaceSchema.parse(reply.body) : undefined;
      answer = place ? describe(place) : String(reply.status);
    } catch (error) {
      answer = error instanceof Error ? error.message : String(error);
    }
    this.wait?.trail.push(`${new Date(asked).toISOString().slice(11, 23)} ${method} → ${answer}`);
    if (this.wait && this.wait.trail.length > TRAIL_KEPT) this.wait.trail.shift();
    return place;
  }
}

function describe(place: QueuePlace): string {
  switch (place.status) {
    case 'waiting':
      return `waiting #${place.ticket ?? '-'} (${place.ahead ?? '-'} ahead)`;
    case 'admitted':
      return `admitted until ${place.passExpiresAt.slice(11, 23)}`;
    case 'not-queued':
      return 'not queued';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
