import { Inject, Injectable } from '@nestjs/common';
import { paymentRequestSchema, type PaymentDeadLetter, type PaymentKind, type PaymentRequest, type PaymentStatus } from '@seatstorm/contracts';
import { PG_POOL, type Pool } from '@seatstorm/database';

/** A dead letter as kept, with where its payment stands now. */
export interface StoredDeadLetter {
  paymentId: string;
  kind: PaymentKind;
  bookingId: string;
  request: PaymentRequest;
  error: string;
  attempts: number;
  failedAt: Date;
  recordedAt: Date;
  replays: number;
  replayedAt: Date | null;
  resolvedAt: Date | null;
  /** The payment's status now; null if the payment service has no such payment. */
  paymentStatus: PaymentStatus | null;
}

interface DeadLetterRow {
  payment_id: string;
  kind: PaymentKind;
  booking_id: string;
  request: unknown;
  error: string;
  attempts: number;
  failed_at: Date;
  recorded_at: Date;
  replays: number;
  replayed_at: Date | null;
  resolved_at: Date | null;
  payment_status: PaymentStatus | null;
}

const SELECT_WITH_PAYMENT = `SELECT d.*, p.status AS payment_status FROM dead_letters d LEFT JOIN payments p ON p.id = d.payment_id`;

@Injectable()
export class DeadLettersRepository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Keeps a dead letter once per payment, however often it is delivered; one whose payment went through meanwhile is kept resolved. */
  async record(deadLetter: PaymentDeadLetter): Promise<void> {
    const { request } = deadLetter;
    await this.pool.query(
      `INSERT INTO dead_letters (payment_id, kind, booking_id, request, error, attempts, failed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (payment_id) DO NOTHING`,
      [request.paymentId, request.kind, request.bookingId, JSON.stringify(request), deadLetter.error, deadLetter.attempts, deadLetter.failedAt],
    );
    await this.resolveIfLanded(request.paymentId);
  }

  /**
   * Resolves the dead letter of a payment that went through after all (a
   * refund that landed on a later attempt). Both the payment service, when
   * the payment succeeds, and the recording of its dead letter ask, each
   * after its own write, so whichever comes second sees both.
   */
  async resolveIfLanded(paymentId: string): Promise<void> {
    await this.pool.query(
      `UPDATE dead_letters d SET resolved_at = now()
         FROM payments p
        WHERE d.payment_id = $1 AND p.id = d.payment_id AND p.status = 'succeeded' AND d.resolved_at IS NULL`,
      [paymentId],
    );
  }

  /** Dead letters, oldest first: the open ones, or all. */
  async list(includeResolved: boolean): Promise<StoredDeadLetter[]> {
    const { rows } = await this.pool.query<DeadLetterRow>(
      `${SELECT_WITH_PAYMENT} ${includeResolved ? '' : 'WHERE d.resolved_at IS NULL'} ORDER BY d.failed_at, d.payment_id`,
    );
    return rows.map(toStoredDeadLetter);
  }

  async find(paymentId: string): Promise<StoredDeadLetter | null> {
    const { rows } = await this.pool.query<DeadLetterRow>(`${SELECT_WITH_PAYMENT} WHERE d.payment_id = $1`, [paymentId]);
    return rows[0] ? toStoredDeadLetter(rows[0]) : null;
  }

  /** Counts a replay, and resolves the dead letter when `resolve` says the replay left nothing to do. */
  async markReplayed(paymentId: string, resolve: boolean): Promise<void> {
    await this.pool.query(
      `UPDATE dead_letters
          SET replays = replays + 1, replayed_at = now(), resolved_at = COALESCE(resolved_at, CASE WHEN $2::boolean THEN now() END)
        WHERE payment_id = $1`,
      [paymentId, resolve],
    );
  }

  async countOpen(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM dead_letters WHERE resolved_at IS NULL');
    return rows[0]?.count ?? 0;
  }
}

function toStoredDeadLetter(row: DeadLetterRow): StoredDeadLetter {
  return {
    paymentId: row.payment_id,
    kind: row.kind,
    bookingId: row.booking_id,
    request: paymentRequestSchema.parse(row.request),
    error: row.error,
    attempts: row.attempts,
    failedAt: row.failed_at,
    recordedAt: row.recorded_at,
    replays: row.replays,
    replayedAt: row.replayed_at,
    resolvedAt: row.resolved_at,
    paymentStatus: row.payment_status,
  };
}
