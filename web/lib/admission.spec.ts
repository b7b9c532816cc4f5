// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { forgetAdmission, readAdmission, subscribeAdmissions, writeAdmission } from './admission';

const admission = (passExpiresAt: string) => ({ eventId: 'evt_a', pass: 'pass-token', passExpiresAt });

describe('admission passes kept by the browser', () => {
  afterEach(() => window.localStorage.clear());

  it('keeps a pass per event and account until it expires', () => {
    writeAdmission('usr_1', admission('2030-01-01T00:00:00.000Z'));
    expect(readAdmission('evt_a', 'usr_1', Date.parse('2029-12-31T23:59:59Z'))?.pass).toBe('pass-token');
    expect(readAdmission('evt_a', 'usr_1', Date.parse('2030-01-01T00:00:00Z'))).toBeNull();
    expect(readAdmission('evt_a', 'usr_2', 0)).toBeNull();
    expect(readAdmission('evt_b', 'usr_1', 0)).toBeNull();
  });

  it('tells listeners when a pass is written or forgotten, and ignores what is not a pass', () => {
    let calls = 0;
    const stop = subscribeAdmissions(() => (calls += 1));
    writeAdmission('usr_1', admission('2030-01-01T00:00:00.000Z'));
    forgetAdmission('evt_a', 'usr_1');
    stop();
    expect(calls).toBe(2);
    expect(readAdmission('evt_a', 'usr_1', 0)).toBeNull();
    window.localStorage.setItem('seatstorm.admission.evt_a.usr_1', '{not json');
    expect(readAdmission('evt_a', 'usr_1', 0)).toBeNull();
  });
});
