import { Module } from '@nestjs/common';
import { SeatVersionsConsumer } from './seat-versions.consumer';
import { SeatVersionsRepository } from './seat-versions.repository';
import { SeatVersionsService } from './seat-versions.service';

@Module({
  controllers: [SeatVersionsConsumer],
  providers: [SeatVersionsService, SeatVersionsRepository],
})
export class SeatVersionsModule {}
