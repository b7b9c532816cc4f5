import { Module } from '@nestjs/common';
import { KafkaModule } from '@seatstorm/kafka';
import { DeadLettersConsumer } from './dead-letters.consumer';
import { DeadLettersRepository } from './dead-letters.repository';
import { DeadLettersService } from './dead-letters.service';

@Module({
  imports: [KafkaModule.forService('payment')],
  providers: [DeadLettersConsumer, DeadLettersService, DeadLettersRepository],
  exports: [DeadLettersService, DeadLettersRepository],
})
export class DeadLettersModule {}
