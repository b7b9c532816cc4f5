import { Injectable } from '@nestjs/common';
import { RpcPattern, type WaitingRoomSettings } from '@seatstorm/contracts';
import { RpcClient } from '@seatstorm/kafka';

/** How long an event's room settings are believed: an admin's change reaches every gateway within this. */
const SETTINGS_TTL_MS = 2000;

export interface RoomSettings extends WaitingRoomSettings {
  eventId: string;
  onSaleAt: number;
}

/**
 * Each event's waiting-room settings, as the catalog stores them (they are
 * durable there, not in Redis: a Redis restart must never switch a room off),
 * asked for at most once per event every two seconds per gateway.
 */
@Injectable()
export class RoomSettingsCache {
  private readonly cache = new Map<string, { at: number; settings: Promise<RoomSettings> }>();

  constructor(private readonly rpc: RpcClient) {}

  get(eventId: string, now = Date.now()): Promise<RoomSettings> {
    const cached = this.cache.get(eventId);
    if (cached && now - cached.at < SETTINGS_TTL_MS) return cached.settings;
    const settings = this.rpc.request(RpcPattern.CatalogGetEvent, { eventId }).then((event) => ({
      ...event.waitingRoom,
      eventId,
      onSaleAt: Date.parse(event.onSaleAt),
    }));
    this.cache.set(eventId, { at: now, settings });
    // A failed read is not remembered: the next caller asks again.
    settings.catch(() => {
      if (this.cache.get(eventId)?.settings === settings) this.cache.delete(eventId);
    });
    return settings;
  }

  /** After this gateway changed them: the next read asks the catalog. */
  forget(eventId: string): void {
    this.cache.delete(eventId);
  }
}
