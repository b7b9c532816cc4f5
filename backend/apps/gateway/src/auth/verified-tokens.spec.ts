import type { PublicUser } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from './verified-tokens';

const userOf = (id: string): PublicUser => ({ id, email: `${id}@example.com`, name: id, role: 'user' });

describe('VerifiedTokens', () => {
  it('answers a remembered token with its user until its exp, and not from exp on', () => {
    const tokens = new VerifiedTokens(10);
    tokens.remember('t1', userOf('usr_a'), 1_000);
    expect(tokens.find('t1', 999)).toEqual(userOf('usr_a'));
    expect(tokens.find('t1', 1_000)).toBeUndefined();
    // Once run out, it is forgotten: the next check is a full one again.
    expect(tokens.find('t1', 999)).toBeUndefined();
  });

  it('knows nothing of a token it was not told about', () => {
    expect(new VerifiedTokens(10).find('never-seen', 0)).toBeUndefined();
  });

  it('forgets the least recently used token past its capacity', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('t1', userOf('usr_1'), 100);
    tokens.remember('t2', userOf('usr_2'), 100);
    expect(tokens.find('t1', 0)?.id).toBe('usr_1');
    tokens.remember('t3', userOf('usr_3'), 100);
    expect(tokens.find('t2', 0)).toBeUndefined();
    expect(tokens.find('t1', 0)?.id).toBe('usr_1');
    expect(tokens.find('t3', 0)?.id).toBe('usr_3');
  });

  it('hands out a frozen user, so one request cannot change what the next one gets', () => {
    const tokens = new VerifiedTokens(10);
    const user = tokens.remember('t1', userOf('usr_a'), 100);
    expect(Object.isFrozen(user)).toBe(true);
    expect(tokens.find('t1', 0)).toBe(user);
  });
});
