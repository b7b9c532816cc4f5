import { Module } from '@nestjs/common';
import { KafkaModule } from '@seatstorm/kafka';
import { SimulatedCardProvider } from '../provider/simulated-provider';
import { PaymentRequestsConsumer } from './payment-requests.consumer';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';

@Module({
  imports: [KafkaModule.forService('payment')],
  providers: [PaymentRequestsConsumer, PaymentsService, PaymentsRepository, SimulatedCardProvider],
})
export class PaymentsModule {}
