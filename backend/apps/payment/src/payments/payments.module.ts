import { Module } from '@nestjs/common';
import { KafkaModule } from '@seatstorm/kafka';
import { DeadLettersModule } from '../dead-letters/dead-letters.module';
import { SimulatedCardProvider } from '../provider/simulated-provider';
import { DuePaymentsPoller } from './due-payments.poller';
import { PaymentAttemptsService } from './payment-attempts.service';
import { PaymentRequestsConsumer } from './payment-requests.consumer';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';

@Module({
  imports: [KafkaModule.forService('payment'), DeadLettersModule],
  providers: [PaymentRequestsConsumer, PaymentsService, PaymentAttemptsService, DuePaymentsPoller, PaymentsRepository, SimulatedCardProvider],
})
export class PaymentsModule {}
