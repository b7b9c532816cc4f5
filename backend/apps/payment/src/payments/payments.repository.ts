import { Inject, Injectable } from '@nestjs/common';
import { Prisma, PRISMA, type PrismaClient } from '@seatstorm/database';
import type { PaymentProgress } from './payment.rules';

const paymentSelect = { id: true, status: true, attempts: true, lastError: true, updatedAt: true } as const;

export type StoredPayment = Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>;

export interface NewPayment {
  id: string;
  bookingId: string;
  kind: 'charge' | 'refund';
  amount: number;
  /** Only the last four digits of a card are ever stored. */
  cardLast4: string | null;
}

@Injectable()
export class PaymentsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * The payment a request is about: created pending on its first delivery
   * (INSERT … ON CONFLICT DO NOTHING), read as stored on every later one.
   * Null when the booking it names does not exist.
   */
  async open(payment: NewPayment): Promise<StoredPayment | null> {
    try {
      await this.prisma.payment.createMany({ data: [payment], skipDuplicates: true });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') return null;
      throw error;
    }
    return this.prisma.payment.findUniqueOrThrow({ where: { id: payment.id }, select: paymentSelect });
  }

  /**
   * Records one provider call and where it left the payment. A payment that
   * another delivery of the same request settled meanwhile keeps its outcome;
   * either way the payment comes back as stored.
   */
  async recordAttempt(id: string, progress: PaymentProgress): Promise<StoredPayment> {
    await this.prisma.payment.updateMany({ where: { id, status: 'pending' }, data: progress });
    return this.prisma.payment.findUniqueOrThrow({ where: { id }, select: paymentSelect });
  }
}
