import { describe, expect, it } from 'vitest';
import { countdownTo, msUntilNextTick } from './countdown';

const EXPIRES = '2026-11-22T12:10:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('countdownTo', () => {
  it('shows minutes and seconds left', () => {
    expect(countdownTo(EXPIRES, at('2026-11-22T12:00:00.000Z'))).toEqual({
      remainingMs: 600_000,
      label: '10:00',
      phase: 'running',
      spoken: '10 minutes left',
    });
    expect(countdownTo(EXPIRES, at('2026-11-22T12:00:02.000Z')).label).toBe('9:58');
  });

  it('rounds up, so it reads 0:01 until the very end and 0:00 only when over', () => {
    expect(countdownTo(EXPIRES, at('2026-11-22T12:09:59.001Z')).label).toBe('0:01');
    expect(countdownTo(EXPIRES, at('2026-11-22T12:09:58.500Z')).label).toBe('0:02');
    const over = countdownTo(EXPIRES, at('2026-11-22T12:10:00.000Z'));
    expect(over).toMatchObject({ label: '0:00', phase: 'expired', remainingMs: 0, spoken: 'Time is up' });
  });

  it('never goes negative after expiry', () => {
    expect(countdownTo(EXPIRES, at('2026-11-22T13:00:00.000Z'))).toMatchObject({ remainingMs: 0, label: '0:00', phase: 'expired' });
  });

  it('warns in the last minute', () => {
    expect(countdownTo(EXPIRES, at('2026-11-22T12:08:59.000Z')).phase).toBe('running');
    expect(countdownTo(EXPIRES, at('2026-11-22T12:09:00.000Z')).phase).toBe('ending');
    expect(countdownTo(EXPIRES, at('2026-11-22T12:09:30.000Z'))).toMatchObject({ phase: 'ending', spoken: '30 seconds left' });
  });

  it('shows hours past an hour and speaks in words', () => {
    expect(countdownTo('2026-11-22T13:02:03.000Z', at('2026-11-22T12:00:00.000Z'))).toMatchObject({
      label: '1:02:03',
      spoken: '1 hour 2 minutes 3 seconds left',
    });
    expect(countdownTo(EXPIRES, at('2026-11-22T12:08:59.000Z')).spoken).toBe('1 minute 1 second left');
  });

  it('accepts a Date and treats an unreadable instant as expired', () => {
    expect(countdownTo(new Date(EXPIRES), at('2026-11-22T12:09:00.000Z')).label).toBe('1:00');
    expect(countdownTo('not a date', 0).phase).toBe('expired');
  });
});

describe('msUntilNextTick', () => {
  it('waits for the next whole second of the display', () => {
    expect(msUntilNextTick(EXPIRES, at('2026-11-22T12:09:58.700Z'))).toBe(300);
    expect(msUntilNextTick(EXPIRES, at('2026-11-22T12:09:58.000Z'))).toBe(1000);
  });

  it('stops once expired', () => {
    expect(msUntilNextTick(EXPIRES, at('2026-11-22T12:10:00.000Z'))).toBe(Infinity);
  });
});
