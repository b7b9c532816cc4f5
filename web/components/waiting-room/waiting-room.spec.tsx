import { describe, expect, it } from 'vitest';
import { describeWait } from './waiting-room';

describe('the estimated wait, in words', () => {
  it('rounds to what a person reads, and says when nothing is known yet', () => {
    expect(describeWait(null)).toBe('Not known yet');
    expect(describeWait(42)).toBe('Under a minute');
    expect(describeWait(60)).toBe('About 1 minute');
    expect(describeWait(170)).toBe('About 3 minutes');
    expect(describeWait(3 * 3600 + 20 * 60)).toBe('About 3 h 20 min');
  });
});
