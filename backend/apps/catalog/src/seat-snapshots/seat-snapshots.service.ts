import { Injectable } from '@nestjs/common';
import type { RpcPattern, RpcResult, SeatSnapshot, SeatSnapshotRef } from '@seatstorm/contracts';
import { notFound } from '@seatstorm/errors';
import { SeatSnapshotCache } from '@seatstorm/redis';
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
    private readonly store: SeatSnapshotCache,
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
    const cached = (await this.store.cachedVersion(cacheKey)) ?? -1;
    const version = cached >= event.version ? cached : await this.build(eventId, cacheKey, event.version);
    return { eventId, version, cacheKey };
  }

  /**
   * A snapshot at `atLeast` or newer, built once for everyone waiting: a
   * build already under way when the request came may have read an older
   * version, and then the next build serves all who need a newer one.
   */
  private async build(eventId: string, cacheKey: string, atLeast: number): Promise<number> {
    for (;;) {
      let build = this.building.get(cacheKey);
      if (!build) {
        const started = this.buildOnce(eventId, cacheKey).finally(() => {
          if (this.building.get(cacheKey) === started) this.building.delete(cacheKey);
        });
        this.building.set(cacheKey, started);
        build = started;
      }
      const version = await build;
      if (version >= atLeast) return version;
      if (this.building.get(cacheKey) === build) this.building.delete(cacheKey);
    }
  }

  private async buildOnce(eventId: string, cacheKey: string): Promise<number> {
    const snapshot = await this.repository.findSeatSnapshot(eventId);
    if (!snapshot) throw notFound(`Event ${eventId}`);
    const body: SeatSnapshot = { eventId, version: snapshot.version, seats: snapshot.seats, areas: snapshot.areas };
    await this.store.put(cacheKey, snapshot.version, JSON.stringify(body));
    return snapshot.version;
  }
}
