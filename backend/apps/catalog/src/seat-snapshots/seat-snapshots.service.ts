import { Injectable } from '@nestjs/common';
import type { RpcPattern, RpcResult, SeatSnapshot, SeatSnapshotRef } from '@seatstorm/contracts';
import { notFound } from '@seatstorm/errors';
import { SeatSnapshotStore } from './seat-snapshot.store';
import { SeatSnapshotsRepository } from './seat-snapshots.repository';

/**
 * Seat snapshots for GET /events/:eventId/seats, read from the database and
 * serialized once per version. Page loads at an unchanged version cost one
 * indexed row and a Redis lookup; a cold version is built once however many
 * people ask for it at the same time.
 */
@Injectable()
export class SeatSnapshotsService {
  private readonly building = new Map<string, Promise<number>>();

  constructor(
    private readonly repository: SeatSnapshotsRepository,
    private readonly store: SeatSnapshotStore,
  ) {}

  async version(eventId: string): Promise<RpcResult<typeof RpcPattern.CatalogGetSeatVersion>> {
    const event = await this.repository.findSeatVersion(eventId);
    if (!event) throw notFound(`Event ${eventId}`);
    return { eventId, version: event.version };
  }

  async get(eventId: string): Promise<SeatSnapshotRef> {
    const event = await this.repository.findSeatVersion(eventId);
    if (!event) throw notFound(`Event ${eventId}`);
    const cacheKey = this.store.keyOf(eventId, event.createdAt);
    let version = (await this.store.cachedVersion(cacheKey)) ?? -1;
    if (version < event.version) version = await this.build(eventId, cacheKey);
    // A build already under way when this request came may have read a version older than the one just seen.
    if (version < event.version) version = await this.buildOnce(eventId, cacheKey);
    return { eventId, version, cacheKey };
  }

  private build(eventId: string, cacheKey: string): Promise<number> {
    let build = this.building.get(cacheKey);
    if (!build) {
      build = this.buildOnce(eventId, cacheKey).finally(() => this.building.delete(cacheKey));
      this.building.set(cacheKey, build);
    }
    return build;
  }

  private async buildOnce(eventId: string, cacheKey: string): Promise<number> {
    const snapshot = await this.repository.findSeatSnapshot(eventId);
    if (!snapshot) throw notFound(`Event ${eventId}`);
    const body: SeatSnapshot = { eventId, version: snapshot.version, seats: snapshot.seats };
    await this.store.put(cacheKey, snapshot.version, JSON.stringify(body));
    return snapshot.version;
  }
}
