import { Topic, type SeatUpdated } from '@seatstorm/contracts';
import { CORRELATION_HEADER, withCorrelation } from '@seatstorm/observability';
import { describe, expect, it } from 'vitest';
import { encodeMessage } from './message-codec';

const delta: SeatUpdated = { eventId: 'evt_a', baseVersion: 0, version: 1, changes: [{ seatId: 'evt_a_A1', status: 'reserved', bookingId: 'bkg_1' }] };

describe('encoding a message', () => {
  it('stamps the correlation id of the request being handled; headers naming another win; none outside a request', () => {
    expect(withCorrelation('req-1', () => encodeMessage(Topic.SeatUpdated, delta)).headers[CORRELATION_HEADER]).toBe('req-1');
    expect(withCorrelation('req-1', () => encodeMessage(Topic.SeatUpdated, delta, { [CORRELATION_HEADER]: 'req-2' })).headers[CORRELATION_HEADER]).toBe(
      'req-2',
    );
    expect(encodeMessage(Topic.SeatUpdated, delta).headers).not.toHaveProperty(CORRELATION_HEADER);
  });
});
