import { Module, type DynamicModule } from '@nestjs/common';
import { KAFKA_SERVICE } from './kafka-service.token';
import { MessageConsumers } from './message-consumers';
import { MessageProducer } from './message-producer';

/** Typed producer and consumers for one service (its name prefixes client ids and consumer groups). */
@Module({})
export class KafkaModule {
  static forService(service: string): DynamicModule {
    return {
      module: KafkaModule,
      providers: [{ provide: KAFKA_SERVICE, useValue: service }, MessageProducer, MessageConsumers],
      exports: [MessageProducer, MessageConsumers],
    };
  }
}
