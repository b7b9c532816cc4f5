// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SocketEvent, type EventAnalytics, type EventDetail } from '@seatstorm/contracts';
import type { Session } from '@/lib/session-cookie';
import { SalesPanel } from './sales-panel';

/** A socket the test plays the gateway for: it answers `analytics.watch` and pushes `analytics.updated`. */
const gateway = vi.hoisted(() => {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const state = {
    watchReply: null as unknown,
    emitted: [] as Array<{ event: string; payload: unknown }>,
    listeners,
    push(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    socket: {
      connected: true,
      on(event: string, listener: Listener) {
        listeners.set(event, (listeners.get(event) ?? new Set()).add(listener));
      },
      off(event: string, listener: Listener) {
        listeners.get(event)?.delete(listener);
      },
      emit(event: string, payload: unknown, ack?: (reply: unknown) => void) {
        state.emitted.push({ event, payload });
        if (event === 'analytics.watch') ack?.(state.watchReply);
      },
    },
  };
  return state;
});

vi.mock('@/lib/socket', () => ({ acquireSocket: () => ({ socket: gateway.socket, release: () => undefined }) }));

/** uPlot draws on a canvas, which the test DOM has not: a stand-in that keeps what it was given. */
const drawn = vi.hoisted(() => ({ data: [] as unknown[] }));
vi.mock('uplot', () => {
  class FakePlot {
    static paths = { bars: () => () => null };
    constructor(_options: unknown, data: unknown) {
      drawn.data.push(data);
    }
    setData(data: unknown) {
      drawn.data.push(data);
    }
    setSize() {}
    destroy() {}
  }
  return { default: FakePlot };
});
vi.mock('uplot/dist/uPlot.min.css', () => ({}));

const event = { id: 'evt_eras', name: 'The Eras Tour' } as EventDetail;
const session = { token: 'token', user: { id: 'usr_admin', email: 'admin@example.com', name: 'Admin', role: 'admin' } } as Session;

function minutes(seats: number[]): EventAnalytics['salesPerMinute'] {
  return seats.map((count, i) => ({ minute: new Date(Date.UTC(2026, 11, 7, 14, i)).toISOString(), seats: count, cents: count * 15_000 }));
}

const figures: EventAnalytics = {
  eventId: 'evt_eras',
  seatsTotal: 100,
  seatsLeft: 90,
  salesPerMinute: minutes([0, 2, 0]),
  revenueByTier: [
    { tier: 'VIP', seats: 2, cents: 45_000 },
    { tier: 'Regular', seats: 0, cents: 0 },
  ],
  holds: 4,
  paid: 1,
  conversion: 0.25,
  abandoned: 2,
  paymentFailed: 1,
  refunded: 0,
  projectedSellOutAt: null,
  updatedAt: '2026-12-07T14:02:30.000Z',
};

describe('the Sales panel', () => {
  beforeEach(() => {
    gateway.watchReply = figures;
    gateway.emitted.length = 0;
    gateway.listeners.clear();
    drawn.data.length = 0;
  });
  afterEach(cleanup);

  it('watches the event and shows every figure as text', () => {
    render(<SalesPanel event={event} session={session} />);

    expect(gateway.emitted[0]).toEqual({ event: SocketEvent.AnalyticsWatch, payload: { eventId: 'evt_eras' } });
    expect(screen.getByTestId('sales-last-hour').textContent).toContain('2 seats');
    expect(screen.getByTestId('sales-revenue').textContent).toContain('$450');
    expect(screen.getByTestId('sales-conversion').textContent).toContain('25%');
    expect(screen.getByText('1 of 4 holds paid')).toBeTruthy();
    expect(screen.getByTestId('sales-abandoned').textContent).toContain('2');
    expect(screen.getByTestId('sales-seats-left').textContent).toContain('90');
    expect(screen.getByTestId('sales-sell-out').textContent).toContain('Not selling now');
    const vip = within(screen.getByTestId('sales-tiers')).getByRole('row', { name: /VIP/ });
    expect(vip.textContent).toContain('2$450');
  });

  it('gives the chart a text alternative and hands it the minutes', () => {
    render(<SalesPanel event={event} session={session} />);

    expect(screen.getByRole('img', { name: /2 seats in all.*0 this minute/ })).toBeTruthy();
    expect(drawn.data.at(-1)).toEqual([
      [1_796_652_000, 1_796_652_060, 1_796_652_120],
      [0, 2, 0],
    ]);
  });

  it('moves with each analytics.updated of its event, and ignores other events’', () => {
    render(<SalesPanel event={event} session={session} />);

    act(() => gateway.push(SocketEvent.AnalyticsUpdated, { ...figures, eventId: 'evt_other', salesPerMinute: minutes([9, 9, 9]) }));
    expect(screen.getByTestId('sales-last-hour').textContent).toContain('2 seats');

    act(() =>
      gateway.push(SocketEvent.AnalyticsUpdated, {
        ...figures,
        salesPerMinute: minutes([0, 2, 3]),
        revenueByTier: [{ tier: 'VIP', seats: 5, cents: 112_500 }],
        seatsLeft: 85,
        projectedSellOutAt: '2026-12-07T16:00:00.000Z',
        updatedAt: '2026-12-07T14:02:45.000Z',
      }),
    );
    expect(screen.getByTestId('sales-last-hour').textContent).toContain('5 seats');
    expect(screen.getByTestId('sales-revenue').textContent).toContain('$1,125');
    expect(screen.getByTestId('sales-seats-left').textContent).toContain('85');
    expect(screen.getByTestId('sales-sell-out').textContent).not.toContain('Not selling now');
    expect(screen.getByRole('img', { name: /5 seats in all.*3 this minute/ })).toBeTruthy();
    expect(drawn.data.at(-1)).toEqual([
      [1_796_652_000, 1_796_652_060, 1_796_652_120],
      [0, 2, 3],
    ]);
  });

  it('says why when the figures cannot be watched', () => {
    gateway.watchReply = { statusCode: 403, error: 'FORBIDDEN', message: 'Only an admin may watch an event’s sales.' };
    render(<SalesPanel event={event} session={session} />);

    expect(screen.getByRole('alert').textContent).toContain("You don't have access to that.");
    expect((screen.getByRole('button', { name: 'Download CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
