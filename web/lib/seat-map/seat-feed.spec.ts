import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeatSnapshot } from '@seatstorm/contracts';
import type { LayoutSeat } from './layout';
import { seatsFrom } from './seat-columns';
import { startSeatFeed, type FeedMessage, type PageMessage } from './seat-feed';
import { statusCode } from './status-codes';
import { delta, seat, snapshot } from '@/test/seat-snapshots';

/** A venue of `count` seats in rows of 50 (labels A1…), every tenth one held by bkg_<n>. */
function large(version: number, count: number): SeatSnapshot {
  return snapshot(
    version,
    Array.from({ length: count }, (_, i) => {
      const label = `${String.fromCharCode(65 + (Math.floor(i / 50) % 26))}${Math.floor(i / 1300) * 50 + (i % 50) + 1}`;
      return seat(label, i % 10 === 0 ? { status: 'reserved', bookingId: `bkg_${i}` } : {});
    }),
  );
}

describe('the seat feed, as the page hears it', () => {
  let posted: FeedMessage[];
  let snapshots: SeatSnapshot[];
  let feed: (message: PageMessage) => void;

  beforeEach(() => {
    vi.useFakeTimers();
    posted = [];
    snapshots = [];
  });
  afterEach(() => {
    feed({ kind: 'stop' });
    vi.useRealTimers();
  });

  function start(...available: SeatSnapshot[]) {
    snapshots.push(...available);
    feed = startSeatFeed(
      { eventId: 'evt_test', seatsUrl: 'http://gateway/events/evt_test/seats', connected: true, gapTimeoutMs: 1_000 },
      {
        post: (message) => posted.push(message),
        loadSnapshot: async () => {
          const next = snapshots.shift();
          if (!next) throw new Error('gateway unavailable');
          return next;
        },
      },
    );
  }

  const kinds = () => posted.map((message) => message.kind);
  const last = <K extends FeedMessage['kind']>(kind: K) => posted.filter((message) => message.kind === kind).at(-1) as Extract<FeedMessage, { kind: K }>;

  it('joins the room, then sends the snapshot with its layout, the seats as columns', async () => {
    const venue = large(4, 4_321);
    start(venue);
    expect(kinds()).toEqual(['subscribe']);
    feed({ kind: 'subscribe-answer', request: last('subscribe').request, answer: { version: 4 } });
    await vi.advanceTimersByTimeAsync(0);

    expect(kinds()).toEqual(['subscribe', 'snapshot']);
    const sent = last('snapshot');
    expect(sent.version).toBe(4);
    expect(sent.layout!.facts).toMatchObject({ eventId: 'evt_test', multiSection: false });
    expect(sent.layout!.facts).not.toHaveProperty('seats');
    const seats: LayoutSeat[] = [];
    seatsFrom(sent.layout!.seats, 0, 4_321, seats);
    expect(seats.map((s) => s.id)).toEqual(venue.seats.map((s) => s.id));
    expect(seats[0]).not.toHaveProperty('status');
    expect(Array.from(sent.statuses)).toEqual(venue.seats.map((s) => statusCode(s.status)));
    expect(sent.bookings).toEqual(venue.seats.flatMap((s, index) => (s.bookingId ? [[index, s.bookingId]] : [])));
  });

  it('passes deltas on in order, and reloads after a gap without sending the same layout again', async () => {
    start(large(4, 120));
    feed({ kind: 'subscribe-answer', request: last('subscribe').request, answer: { version: 4 } });
    await vi.advanceTimersByTimeAsync(0);
    posted = [];

    feed({ kind: 'seat-updated', delta: delta(4, 5, [['A2', 'reserved', 'bkg_x']]) });
    expect(posted).toEqual([{ kind: 'changes', version: 5, changes: [{ seatId: 'evt_test_A2', status: 'reserved', bookingId: 'bkg_x' }] }]);

    feed({ kind: 'seat-updated', delta: delta(6, 7, [['A3', 'reserved', 'bkg_y']]) });
    snapshots.push(large(7, 120));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(kinds()).toEqual(['changes', 'resyncing', 'snapshot']);
    expect(last('snapshot')).toMatchObject({ version: 7, layout: null });
  });

  it('asks to leave the room when stopped while connected, and tells the page a failed load', async () => {
    start();
    feed({ kind: 'subscribe-answer', request: last('subscribe').request, answer: { version: 1 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(kinds()).toContain('load-failed');
    feed({ kind: 'stop' });
    expect(kinds().at(-1)).toBe('unsubscribe');
  });
});
