import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Topic, type PaymentDeadLetter } from '@seatstorm/contracts';
import { MessageProducer } from '@seatstorm/kafka';
import { openDeadLetters } from './dead-letters.metrics';
import { DeadLettersRepository, type StoredDeadLetter } from './dead-letters.repository';

/** What a replay did: the payment as it stood when its request was issued again, and whether that resolved the dead letter. */
export interface Replay {
  paymentId: string;
  kind: StoredDeadLetter['kind'];
  paymentStatus: StoredDeadLetter['paymentStatus'];
  resolved: boolean;
}

/**
 * Keeps `Topic.PaymentDlq` for an operator: every dead letter recorded, listed,
 * shown and replayed (`npm run dlq`, docs/architecture.md §9).
 */
@Injectable()
export class DeadLettersService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DeadLettersService.name);
  private stopCounting?: () => void;

  constructor(
    private readonly deadLetters: DeadLettersRepository,
    private readonly producer: MessageProducer,
  ) {}

  onModuleInit(): void {
    this.stopCounting = openDeadLetters.readWith(() => this.deadLetters.countOpen());
  }

  onModuleDestroy(): void {
    this.stopCounting?.();
  }

  async record(deadLetter: PaymentDeadLetter): Promise<void> {
    await this.deadLetters.record(deadLetter);
    const { request } = deadLetter;
    this.logger.warn(
      { paymentId: request.paymentId, bookingId: request.bookingId, kind: request.kind, attempts: deadLetter.attempts, error: deadLetter.error },
      'dead letter recorded',
    );
  }

  list(includeResolved = false): Promise<StoredDeadLetter[]> {
    return this.deadLetters.list(includeResolved);
  }

  show(paymentId: string): Promise<StoredDeadLetter | null> {
    return this.deadLetters.find(paymentId);
  }

  /**
   * Issues the dead letter's request again, with its paymentId, so the
   * payment service handles it as a redelivery: a refund still being retried
   * is attempted now; a settled payment has its outcome announced again and
   * is never charged twice (a charge given up was answered "no charge was
   * made" and its seats were released; charging it later would take money
   * for seats that are gone). A settled payment's dead letter is resolved by
   * the replay; one still being retried stays open until it goes through.
   * Null for an unknown dead letter.
   */
  async replay(paymentId: string): Promise<Replay | null> {
    const deadLetter = await this.deadLetters.find(paymentId);
    if (!deadLetter) return null;
    const { kind, paymentStatus } = deadLetter;
    const resolved = paymentStatus !== null && paymentStatus !== 'pending';
    await this.producer.publish(Topic.PaymentRequests, [deadLetter.request]);
    await this.deadLetters.markReplayed(paymentId, resolved);
    this.logger.log({ paymentId, bookingId: deadLetter.bookingId, kind, paymentStatus, resolved }, 'dead letter replayed');
    return { paymentId, kind, paymentStatus, resolved };
  }

  /** Replays every open dead letter, oldest first. */
  async replayOpen(): Promise<Replay[]> {
    const replayed: Replay[] = [];
    for (const { paymentId } of await this.deadLetters.list(false)) {
      const deadLetter = await this.replay(paymentId);
      if (deadLetter) replayed.push(deadLetter);
    }
    return replayed;
  }
}
