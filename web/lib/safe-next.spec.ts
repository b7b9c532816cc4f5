import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

/** Where a browser lands when it follows `next` from a page of this site (as router.push or a link would). */
const landing = (next: string) => new URL(next, 'https://seatstorm.example/login');

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeNextPath('/events/evt_eras')).toBe('/events/evt_eras');
    expect(safeNextPath('/bookings?status=reserved#top')).toBe('/bookings?status=reserved#top');
    expect(safeNextPath(['/checkout/bkg_1', '/admin'])).toBe('/checkout/bkg_1');
  });

  it('falls back to the events page for nothing, or anything that is not a path', () => {
    for (const value of [undefined, '', 'events', 'https://evil.example/', 'javascript:alert(1)', []]) {
      expect(safeNextPath(value)).toBe('/');
    }
  });

  it('never leaves the site, however the host is smuggled in', () => {
    const attempts = [
      '//evil.example',
      '/\\evil.example',
      '\\/evil.example',
      // A tab, a line feed or a carriage return is dropped by the browser's URL parser: "/<tab>/evil" is "//evil".
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r/evil.example',
      '\t//evil.example',
      ' //evil.example',
      '/\t\\evil.example',
      '/%09/evil.example',
      '/%2F/evil.example',
      '/\u0000/evil.example',
    ];
    for (const attempt of attempts) {
      const next = safeNextPath(attempt);
      expect(landing(next).origin, JSON.stringify(attempt)).toBe('https://seatstorm.example');
      expect(next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\'), JSON.stringify(attempt)).toBe(true);
    }
  });
});
