import { Module } from '@nestjs/common';
import { DatabaseHealthRepository } from '@seatstorm/database';
import { KafkaHealth } from '@seatstorm/kafka';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  controllers: [HealthController],
  providers: [HealthService, KafkaHealth, DatabaseHealthRepository],
})
export class HealthModule {}
