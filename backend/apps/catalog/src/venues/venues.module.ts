import { Module } from '@nestjs/common';
import { VenuesConsumer } from './venues.consumer';
import { VenuesRepository } from './venues.repository';
import { VenuesService } from './venues.service';

@Module({
  controllers: [VenuesConsumer],
  providers: [VenuesService, VenuesRepository],
})
export class VenuesModule {}
