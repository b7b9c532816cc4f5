import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Topic } from '@seatstorm/contracts';
import { MessageConsumers } from '@seatstorm/kafka';
import { DeadLettersService } from './dead-letters.service';

/** The payment service's edge on `Topic.PaymentDlq` (consumer group `payment-dead-letters`): every dead letter is kept. */
@Injectable()
export class DeadLettersConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly deadLetters: DeadLettersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.consume(Topic.PaymentDlq, { group: 'payment-dead-letters' }, ({ payload }) => this.deadLetters.record(payload));
  }
}
