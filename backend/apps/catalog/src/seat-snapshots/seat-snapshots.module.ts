import { Module } from '@nestjs/common';
import { SeatSnapshotCache } from '@seatstorm/redis';
import { SeatSnapshotsConsumer } from './seat-snapshots.consumer';
import { SeatSnapshotsRepository } from './seat-snapshots.repository';
import { SeatSnapshotsService } from './seat-snapshots.service';

@Module({
  controllers: [SeatSnapshotsConsumer],
  providers: [SeatSnapshotsService, SeatSnapshotsRepository, SeatSnapshotCache],
})
export class SeatSnapshotsModule {}
