import { describe, expect, it } from 'vitest';
import { ERROR_HTTP_STATUS, errorCodeSchema } from '@seatstorm/contracts';
import { ApiError, GatewayUnreachableError } from './api';
import { describeError, unavailableSeatIds } from './errors';

describe('describeError', () => {
  it('has a sentence for every error code, never the code itself', () => {
    for (const code of errorCodeSchema.options) {
      const text = describeError(new ApiError(ERROR_HTTP_STATUS[code], code, 'A reason written for people.'));
      expect(text).not.toContain(code);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('says the hold expired in plain words', () => {
    expect(describeError(new ApiError(410, 'HOLD_EXPIRED', 'x'))).toBe('Your hold expired — the seats are released.');
  });

  it('explains an unreachable gateway and hides unknown failures', () => {
    expect(describeError(new GatewayUnreachableError('fetch failed'))).toMatch(/can't reach the box office/);
    expect(describeError(new TypeError('undefined is not a function'))).toBe('Something went wrong on our side. Please try again.');
  });
});

describe('unavailableSeatIds', () => {
  it('reads the seats a 409 names', () => {
    expect(unavailableSeatIds(new ApiError(409, 'SEAT_UNAVAILABLE', 'x', { seatIds: ['evt_eras_C12', 7] }))).toEqual(['evt_eras_C12']);
    expect(unavailableSeatIds(new ApiError(409, 'CONFLICT', 'x', { seatIds: ['a'] }))).toEqual([]);
    expect(unavailableSeatIds(new Error('x'))).toEqual([]);
  });
});
