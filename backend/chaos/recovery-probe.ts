import type { Booking, Notification } from '@seatstorm/contracts';
import { call } from '../test/http';
import { CARD_SUCCEEDS } from './buyers';

export interface ProbeAccount {
  email: string;
  password: string;
  /** A token for the same account, signed beforehand: holds must not wait for the auth service. */
  token: string;
}

export interface Recovery {
  /** Seconds from the fault until every gateway answered a hold 201 again; null if not within the deadline. */
  holdsSeconds: number | null;
  /** Seconds from the fault until a whole purchase went through again: sign in, seat map, hold, pay, confirmed, notified. */
  purchaseSeconds: number | null;
  /** The last failure seen, when it did not recover. */
  lastError?: string;
}

const PROBE_TIMEOUT_MS = 5_000;
const PROBE_INTERVAL_MS = 250;

/**
 * Measures how long the stack takes to serve again after a fault: holds on
 * fresh seats of an event of its own (so the sale's numbers are untouched),
 * through every gateway, then a whole purchase through the first.
 */
export class RecoveryProbe {
  private next = 0;

  constructor(
    private readonly gatewayUrls: readonly string[],
    private readonly eventId: string,
    private readonly seatIds: readonly string[],
    private readonly account: ProbeAccount,
  ) {}

  async measure(faultAt: number, deadlineSeconds: number): Promise<Recovery> {
    const deadline = faultAt + deadlineSeconds * 1000;
    const seconds = () => Math.round((Date.now() - faultAt) / 100) / 10;
    let lastError = '';
    const until = async (attempt: () => Promise<void>): Promise<number | null> => {
      for (;;) {
        try {
          await attempt();
          return seconds();
        } catch (error) {
          lastError = (error as Error).message;
        }
        if (Date.now() > deadline) return null;
        await sleep(PROBE_INTERVAL_MS);
      }
    };
    const holdsSeconds = await until(async () => {
      await Promise.all(this.gatewayUrls.map((url) => this.hold(url, this.account.token)));
    });
    const purchaseSeconds = holdsSeconds === null ? null : await until(() => this.purchase(this.gatewayUrls[0]!));
    return { holdsSeconds, purchaseSeconds, ...(purchaseSeconds === null ? { lastError } : {}) };
  }

  private async purchase(url: string): Promise<void> {
    const token = await this.signIn(url);
    await expect(url, `/events/${this.eventId}/seats`, { token }, 200);
    const booking = await this.hold(url, token);
    await expect(url, `/bookings/${booking.id}/pay`, { token, body: { card: CARD_SUCCEEDS } }, 202);
    await waitFor(
      `booking ${booking.id} confirmed`,
      async () => ((await expect(url, `/bookings/${booking.id}`, { token }, 200)) as Booking).status === 'confirmed',
    );
    await waitFor(`the notification of ${booking.id}`, async () =>
      ((await expect(url, '/notifications', { token }, 200)) as Notification[]).some((note) => note.bookingId === booking.id && note.kind === 'confirmed'),
    );
  }

  private async signIn(url: string): Promise<string> {
    const { email, password } = this.account;
    return ((await expect(url, '/auth/login', { body: { email, password } }, 200)) as { token: string }).token;
  }

  private async hold(url: string, token: string): Promise<Booking> {
    const seatId = this.seatIds[this.next++ % this.seatIds.length]!;
    return (await expect(url, '/bookings', { token, body: { eventId: this.eventId, seatIds: [seatId] } }, 201)) as Booking;
  }
}

async function expect(url: string, path: string, options: { token?: string; body?: unknown }, status: number): Promise<unknown> {
  const reply = await call(`${url}${path}`, { ...options, timeoutMs: PROBE_TIMEOUT_MS });
  if (reply.status !== status) throw new Error(`${path} answered ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
  return reply.body;
}

async function waitFor(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${PROBE_TIMEOUT_MS} ms`);
    await sleep(100);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
