import { describe, expect, it } from 'vitest';
import { categoryOf, summarise } from './profile-summary';

describe('CPU profile summary', () => {
  it('names each frame by the package, Seatstorm folder or Node module it runs in', () => {
    expect(categoryOf({ functionName: 'encode', url: 'file:///work/main/node_modules/kafkajs/src/protocol/encoder.js' })).toBe('kafkajs');
    expect(categoryOf({ functionName: 'query', url: 'file:///x/node_modules/@prisma/client/runtime/client.js' })).toBe('@prisma/client');
    expect(categoryOf({ functionName: 'decide', url: 'file:///work/main/backend/dist/apps/booking/src/bookings/bookings.service.js' })).toBe(
      'seatstorm apps/booking/bookings',
    );
    expect(categoryOf({ functionName: 'writeGeneric', url: 'node:internal/stream_base_commons' })).toBe('node:internal/stream_base_commons');
    expect(categoryOf({ functionName: '(garbage collector)', url: '' })).toBe('(garbage collector)');
  });

  it('sums self time of busy samples only, per part and per function', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '' } },
        { id: 2, callFrame: { functionName: 'encode', url: 'file:///a/node_modules/kafkajs/x.js' } },
        { id: 3, callFrame: { functionName: '(garbage collector)', url: '' } },
      ],
      samples: [1, 2, 2, 3],
      timeDeltas: [9000, 1000, 2000, 500],
    };
    const { busyMs, byCategory, byFunction } = summarise(profile);
    expect(busyMs).toBe(3.5);
    expect(byCategory.get('kafkajs')).toBe(3);
    expect(byCategory.get('(garbage collector)')).toBe(0.5);
    expect(byFunction.get('encode · kafkajs')).toBe(3);
    // Skipping the first 11 ms leaves the last kafkajs sample and the collector's.
    expect(summarise(profile, 11).busyMs).toBe(2.5);
  });
});
