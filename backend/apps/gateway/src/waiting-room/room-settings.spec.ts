import { RpcPattern } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import type { RpcClient } from '@seatstorm/kafka';
import { describe, expect, it } from 'vitest';
import { RoomSettingsCache } from './room-settings';

const ON_SALE = '2026-12-24T18:00:00.000Z';
const room = (enabled: boolean) => ({ enabled, paused: false, admissionPerMinute: null });

/** A catalog whose answers the test gives one by one: each read waits until answered. */
function catalog() {
  const pending: Array<{ resolve: (value: unknown) => void; reject: (error: unknown) => void }> = [];
  const rpc = {
    request: (pattern: RpcPattern) => {
      expect(pattern).toBe(RpcPattern.CatalogGetSaleSettings);
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
  } as unknown as RpcClient;
  return {
    cache: new RoomSettingsCache(rpc),
    reads: () => pending.length,
    answer: (enabled: boolean) => pending.shift()!.resolve({ waitingRoom: room(enabled), onSaleAt: ON_SALE }),
    fail: (error: unknown) => pending.shift()!.reject(error),
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('the waiting room settings cache', () => {
  it('asks the catalog once, then believes the answer for two seconds', async () => {
    const { cache, reads, answer } = catalog();
    const first = cache.get('evt_1', 0);
    const second = cache.get('evt_1', 10);
    expect(reads()).toBe(1);
    answer(true);
    expect((await first).enabled).toBe(true);
    expect((await second).enabled).toBe(true);
    expect((await cache.get('evt_1', 1999)).enabled).toBe(true);
    expect(reads()).toBe(0);
  });

  it('answers older settings at once while the catalog is asked again, and takes its answer when it comes', async () => {
    const { cache, reads, answer } = catalog();
    const first = cache.get('evt_1', 0);
    answer(true);
    await first;

    // The catalog is slow (or away): the room's answer does not wait for it.
    expect((await cache.get('evt_1', 3000)).enabled).toBe(true);
    expect((await cache.get('evt_1', 3500)).enabled).toBe(true);
    expect(reads()).toBe(1);
    answer(false);
    await settled();
    expect((await cache.get('evt_1', 3600)).enabled).toBe(false);
  });

  it('keeps settings a minute while the catalog fails, then waits for it rather than guess', async () => {
    const { cache, reads, answer, fail } = catalog();
    const first = cache.get('evt_1', 0);
    answer(true);
    await first;

    expect((await cache.get('evt_1', 5000)).enabled).toBe(true);
    fail(new DomainError('SERVICE_UNAVAILABLE', 'The catalog service did not answer in time.'));
    await settled();
    expect((await cache.get('evt_1', 59_000)).enabled).toBe(true);
    fail(new DomainError('SERVICE_UNAVAILABLE', 'The catalog service did not answer in time.'));
    await settled();

    const late = cache.get('evt_1', 61_000);
    expect(reads()).toBe(1);
    fail(new DomainError('SERVICE_UNAVAILABLE', 'The catalog service did not answer in time.'));
    await expect(late).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('forgets an event the catalog no longer has', async () => {
    const { cache, reads, answer, fail } = catalog();
    const first = cache.get('evt_1', 0);
    answer(true);
    await first;

    expect((await cache.get('evt_1', 3000)).enabled).toBe(true);
    fail(new DomainError('NOT_FOUND', 'No such event.'));
    await settled();
    const next = cache.get('evt_1', 3100);
    expect(reads()).toBe(1);
    fail(new DomainError('NOT_FOUND', 'No such event.'));
    await expect(next).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
