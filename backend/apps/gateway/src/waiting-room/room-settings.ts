import { Injectable } from '@nestjs/common';
import { RpcPattern, type WaitingRoomSettings } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { RpcClient } from '@seatstorm/kafka';

/** How long an event's room settings are believed: an admin's change reaches every gateway within this. */
const SETTINGS_TTL_MS = 2000;
/** While the catalog does not answer, settings read this recently still hold (a room is not switched by an outage). */
const STALE_MAX_MS = 60_000;

export interface RoomSettings extends WaitingRoomSettings {
  eventId: string;
  onSaleAt: number;
}

interface Entry {
  settings?: RoomSettings;
  readAt: number;
  reading?: Promise<RoomSettings>;
}

/**
 * Each event's waiting-room settings, as the catalog stores them (they are
 * durable there, not in Redis: a Redis restart must never switch a room off),
 * asked for at most once per event every two seconds per gateway, with one
 * row's read (catalog.get-sale-settings). Should the catalog not answer, the
 * last settings read within a minute are used; past that, holds of the event
 * wait for the catalog (503) rather than guess whether its room is on.
 */
@Injectable()
export class RoomSettingsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly rpc: RpcClient) {}

  async get(eventId: string, now = Date.now()): Promise<RoomSettings> {
    const entry = this.entries.get(eventId) ?? { readAt: 0 };
    this.entries.set(eventId, entry);
    if (entry.settings && now - entry.readAt < SETTINGS_TTL_MS) return entry.settings;
    entry.reading ??= this.read(eventId).finally(() => (entry.reading = undefined));
    try {
      const settings = await entry.reading;
      entry.settings = settings;
      entry.readAt = now;
      return settings;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        this.entries.delete(eventId);
        throw error;
      }
      if (entry.settings && now - entry.readAt < STALE_MAX_MS) return entry.settings;
      throw error;
    }
  }

  private async read(eventId: string): Promise<RoomSettings> {
    const { waitingRoom, onSaleAt } = await this.rpc.request(RpcPattern.CatalogGetSaleSettings, { eventId });
    return { ...waitingRoom, eventId, onSaleAt: Date.parse(onSaleAt) };
  }
}
