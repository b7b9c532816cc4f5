import { Injectable } from '@nestjs/common';
import { RpcPattern, type WaitingRoomSettings } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { RpcClient } from '@seatstorm/kafka';

/** How long an event's room settings are believed before the catalog is asked again: an admin's change reaches every gateway within this and one read. */
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
 * row's read (catalog.get-sale-settings). Settings older than that are still
 * answered at once while the catalog is asked again in the background, so a
 * catalog that is slow or away never slows the room's answers; past a minute
 * without an answer, the room waits for the catalog (503) rather than guess
 * whether it is on.
 */
@Injectable()
export class RoomSettingsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly rpc: RpcClient) {}

  async get(eventId: string, now = Date.now()): Promise<RoomSettings> {
    const entry = this.entries.get(eventId) ?? { readAt: 0 };
    this.entries.set(eventId, entry);
    if (entry.settings && now - entry.readAt < SETTINGS_TTL_MS) return entry.settings;
    const reading = this.refresh(eventId, entry, now);
    if (entry.settings && now - entry.readAt < STALE_MAX_MS) {
      // Answered from what is known; the read's outcome lands in the entry (a failure is tried again next time).
      reading.catch(() => undefined);
      return entry.settings;
    }
    return reading;
  }

  /** One read per event at a time; what it finds replaces the entry, and an event the catalog no longer has is forgotten. */
  private refresh(eventId: string, entry: Entry, now: number): Promise<RoomSettings> {
    entry.reading ??= this.read(eventId)
      .then((settings) => {
        entry.settings = settings;
        entry.readAt = now;
        return settings;
      })
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') this.entries.delete(eventId);
        throw error;
      })
      .finally(() => (entry.reading = undefined));
    return entry.reading;
  }

  private async read(eventId: string): Promise<RoomSettings> {
    const { waitingRoom, onSaleAt } = await this.rpc.request(RpcPattern.CatalogGetSaleSettings, { eventId });
    return { ...waitingRoom, eventId, onSaleAt: Date.parse(onSaleAt) };
  }
}
