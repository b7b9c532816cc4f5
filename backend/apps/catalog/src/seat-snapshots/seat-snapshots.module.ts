import { Module } from '@nestjs/common';
import { SeatSnapshotStore } from './seat-snapshot.store';
import { SeatSnapshotsConsumer } from './seat-snapshots.consumer';
import { SeatSnapshotsRepository } from './seat-snapshots.repository';
import { SeatSnapshotsService } from './seat-snapshots.service';

@Module({
  controllers: [SeatSnapshotsConsumer],
  providers: [SeatSnapshotsService, SeatSnapshotsRepository, SeatSnapshotStore],
})
export class SeatSnapshotsModule {}
