import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('writes whole dollars without cents, cents when there are any, and groups thousands', () => {
    expect(formatMoney(15000)).toBe('$150');
    expect(formatMoney(0)).toBe('$0');
    expect(formatMoney(4550)).toBe('$45.50');
    expect(formatMoney(1)).toBe('$0.01');
    expect(formatMoney(123456)).toBe('$1,234.56');
  });
});
