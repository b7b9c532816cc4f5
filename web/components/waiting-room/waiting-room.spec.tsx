// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDetail, WaitingRoomStats } from '@seatstorm/contracts';
import type { WaitingRoomView } from '@/lib/waiting-room';
import { describeWait, InQueue } from './waiting-room';

afterEach(cleanup);

describe('the estimated wait, in words', () => {
  it('rounds to what a person reads, and says when nothing is known yet', () => {
    expect(describeWait(null)).toBe('Not known yet');
    expect(describeWait(42)).toBe('Under a minute');
    expect(describeWait(60)).toBe('About 1 minute');
    expect(describeWait(170)).toBe('About 3 minutes');
    expect(describeWait(3 * 3600 + 20 * 60)).toBe('About 3 h 20 min');
  });
});

describe('a place in the queue', () => {
  const room: WaitingRoomStats = {
    eventId: 'evt_tour',
    enabled: true,
    phase: 'open',
    onSaleAt: '2026-12-07T10:00:00.000Z',
    waiting: 3,
    admittedCount: 0,
    admittedPerMinute: 12,
    admittedLastMinute: 0,
    passesInUse: 0,
    fixedPerMinute: 12,
    paused: false,
    at: '2026-12-07T10:00:01.000Z',
  };
  const event = { id: 'evt_tour', maxSeatsPerBuyer: 4 } as EventDetail;
  const waiting = (ticket: number | null, ahead: number | null, firstAhead: number | null): Extract<WaitingRoomView, { kind: 'waiting' }> => ({
    kind: 'waiting',
    place: { status: 'waiting', eventId: 'evt_tour', ticket, ahead, estimatedWaitSeconds: null, room },
    room,
    ahead,
    firstAhead,
    waitSeconds: ahead === null ? null : ahead * 5,
  });

  it('is not shown as first while it is being drawn at the on-sale', () => {
    render(<InQueue view={waiting(null, null, null)} event={event} />);
    expect(screen.getByTestId('queue-position').textContent).toBe('Being drawn');
    expect(screen.getByTestId('queue-ahead').textContent).toBe('—');
    expect(screen.getByText('Your place is being drawn.')).toBeTruthy();
    expect(screen.queryByText('You are next.')).toBeNull();
    expect(screen.getByRole('progressbar', { name: 'Progress to the front of the queue' }).getAttribute('value')).toBe('0');
  });

  it('shows the place drawn, the people ahead and how far it has come', () => {
    render(<InQueue view={waiting(3, 1, 2)} event={event} />);
    expect(screen.getByTestId('queue-position').textContent).toBe('2');
    expect(screen.getByTestId('queue-position').getAttribute('data-ticket')).toBe('3');
    expect(screen.getByTestId('queue-ahead').textContent).toBe('1');
    expect(screen.getByText('1 person ahead of you.')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Progress to the front of the queue' }).getAttribute('value')).toBe('50');
    cleanup();
    render(<InQueue view={waiting(3, 2, 2)} event={event} />);
    expect(screen.getByText('2 people ahead of you.')).toBeTruthy();
  });
});
