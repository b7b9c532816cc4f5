import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import type { PaymentRequest } from '@seatstorm/contracts';
import { cardLast4Of, simulatedResult, type ProviderResult } from '../payments/payment.rules';

/**
 * A card provider that answers like a real one's test mode: after a network's
 * worth of latency, by the test card (docs/architecture.md §6), and with
 * random transient failures at PAYMENT_FAILURE_RATE.
 */
@Injectable()
export class SimulatedCardProvider {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async execute(request: PaymentRequest): Promise<ProviderResult> {
    await sleep(this.config.PAYMENT_LATENCY_MS);
    return simulatedResult(request.kind, cardLast4Of(request.cardToken), Math.random(), this.config.PAYMENT_FAILURE_RATE);
  }
}
