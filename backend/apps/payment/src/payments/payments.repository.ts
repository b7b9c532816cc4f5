import { Inject, Injectable } from '@nestjs/common';
import { paymentRequestSchema, type PaymentRequest, type PaymentStatus } from '@seatstorm/contracts';
import { PG_POOL, type Pool } from '@seatstorm/database';
import { DatabaseError } from 'pg';
import type { PaymentProgress } from './payment.rules';

/** A payment as stored, with the claim of the instance working on it. */
export interface StoredPayment {
  id: string;
  status: PaymentStatus;
  attempts: number;
  lastError: string | null;
  request: PaymentRequest;
  deadLetteredAt: Date | null;
  updatedAt: Date;
  /** This instance's claim: the lease it holds the payment under, which every write checks. */
  claimedUntil: Date;
  /** The request that asked for it, whose correlation id its announcements carry. */
  correlationId: string | null;
}

interface PaymentRow {
  id: string;
  status: PaymentStatus;
  attempts: number;
  last_error: string | null;
  request: unknown;
  dead_lettered_at: Date | null;
  updated_at: Date;
  claimed_until: Date;
  correlation_id: string | null;
}

const RETURNING = 'RETURNING id, status, attempts, last_error, request, dead_lettered_at, updated_at, claimed_until, correlation_id';

const FOREIGN_KEY_VIOLATION = '23503';

@Injectable()
export class PaymentsRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * Takes a request in: a new payment is stored pending and due at once
   * (INSERT … ON CONFLICT DO NOTHING); a known one is made due at once unless
   * an instance is working on it, so a redelivered or replayed request gets
   * its next attempt now, or its outcome announced again, and never a second
   * attempt in parallel. False when the booking it names does not exist.
   * Only the last four digits of a card are kept apart from the request.
   */
  async accept(request: PaymentRequest, cardLast4: string | null, correlationId?: string): Promise<boolean> {
    try {
      const { rowCount } = await this.pool.query(
        `INSERT INTO payments (id, booking_id, kind, amount, card_last4, request, next_attempt_at, updated_at, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, now(), now(), $7)
         ON CONFLICT (id) DO NOTHING`,
        [request.paymentId, request.bookingId, request.kind, request.amount, cardLast4, JSON.stringify(request), correlationId ?? null],
      );
      if (rowCount === 0) {
        await this.pool.query(
          `UPDATE payments SET next_attempt_at = now()
            WHERE id = $1 AND (next_attempt_at IS NULL OR next_attempt_at > now()) AND (claimed_until IS NULL OR claimed_until < now())`,
          [request.paymentId],
        );
      }
      return true;
    } catch (error) {
      if (error instanceof DatabaseError && error.code === FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
  }

  /**
   * Claims up to `limit` payments that are due, earliest first, for `leaseMs`:
   * instances skip each other's rows (FOR UPDATE SKIP LOCKED) and claims, so
   * each payment is worked on by one instance at a time.
   */
  async claimDue(limit: number, leaseMs: number): Promise<StoredPayment[]> {
    const { rows } = await this.pool.query<PaymentRow>(
      `UPDATE payments SET claimed_until = now() + $2::int * interval '1 millisecond'
        WHERE id IN (SELECT id FROM payments
                      WHERE next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       ${RETURNING}`,
      [limit, leaseMs],
    );
    return rows.map(toStoredPayment);
  }

  /**
   * Records one provider call of a claimed payment and where it left it: a
   * settled one stays due, for its outcome to be announced; a pending one is
   * due again after its backoff. Null when the claim was lost (the lease ran
   * out and another instance took the payment over).
   */
  async recordAttempt(payment: StoredPayment, progress: PaymentProgress): Promise<StoredPayment | null> {
    const { rows } = await this.pool.query<PaymentRow>(
      `UPDATE payments
          SET status = $3, attempts = $4, last_error = $5,
              next_attempt_at = now() + COALESCE($6::int, 0) * interval '1 millisecond', updated_at = now()
        WHERE id = $1 AND claimed_until = $2 AND status = 'pending'
       ${RETURNING}`,
      [payment.id, payment.claimedUntil, progress.status, progress.attempts, progress.lastError, progress.retryInMs],
    );
    return rows[0] ? toStoredPayment(rows[0]) : null;
  }

  /**
   * Gives back a claim whose run failed (the database went away mid-way, a
   * publish failed), due again after `delayMs` rather than when its lease
   * runs out. False when the claim is no longer this instance's.
   */
  async giveBack(payment: StoredPayment, delayMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE payments
          SET claimed_until = NULL,
              next_attempt_at = now() + $3::int * interval '1 millisecond'
        WHERE id = $1 AND claimed_until = $2`,
      [payment.id, payment.claimedUntil, delayMs],
    );
    return rowCount === 1;
  }

  /**
   * Gives a claimed payment back once what it had to say is published: a
   * settled one has nothing left to do; a pending one waits for its next
   * attempt. `deadLettered` marks its dead letter as sent.
   */
  async release(payment: StoredPayment, deadLettered: boolean): Promise<void> {
    await this.pool.query(
      `UPDATE payments
          SET claimed_until = NULL,
              next_attempt_at = CASE WHEN status = 'pending' THEN next_attempt_at END,
              dead_lettered_at = CASE WHEN $3::boolean THEN COALESCE(dead_lettered_at, now()) ELSE dead_lettered_at END
        WHERE id = $1 AND claimed_until = $2`,
      [payment.id, payment.claimedUntil, deadLettered],
    );
  }
}

function toStoredPayment(row: PaymentRow): StoredPayment {
  return {
    id: row.id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    request: paymentRequestSchema.parse(row.request),
    deadLetteredAt: row.dead_lettered_at,
    updatedAt: row.updated_at,
    claimedUntil: row.claimed_until,
    correlationId: row.correlation_id,
  };
}
