// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Booking } from '@seatstorm/contracts';
import { GatewayUnreachableError } from '@/lib/api';
import { awaitDecision } from '@/lib/await-decision';
import type { LiveSeatMap } from '@/lib/live';
import { useHold } from './use-hold';

vi.mock('@/lib/await-decision', () => ({ awaitDecision: vi.fn() }));
vi.mock('../session/session-provider', () => ({
  useSession: () => ({ session: { token: 'tok_alice' }, signOut: vi.fn() }),
}));

const at = '2026-12-07T10:00:00.000Z';
const pending: Booking = {
  id: 'bkg_1',
  eventId: 'evt_eras',
  userId: 'usr_alice',
  status: 'pending',
  seatIds: ['evt_eras_A1'],
  amount: 0,
  expiresAt: null,
  reason: null,
  failureCode: null,
  extensionsLeft: 0,
  createdAt: at,
  updatedAt: at,
};
const reserved: Booking = { ...pending, status: 'reserved', amount: 22_500, expiresAt: '2026-12-07T10:10:00.000Z' };

function liveMap() {
  return { state: {} as LiveSeatMap['state'], dispatch: vi.fn(), hold: vi.fn<LiveSeatMap['hold']>() };
}

describe('holding the selected seats', () => {
  beforeEach(() => vi.mocked(awaitDecision).mockReset());

  it('waits for the decision of a hold answered 202, then shows the seats held', async () => {
    const live = liveMap();
    live.hold.mockResolvedValue({ status: 202, data: pending });
    vi.mocked(awaitDecision).mockResolvedValue(reserved);
    const onHeld = vi.fn();
    const { result } = renderHook(() => useHold(live, onHeld));

    await act(() => result.current.hold(['evt_eras_A1']));

    expect(awaitDecision).toHaveBeenCalledWith('tok_alice', pending);
    expect(live.dispatch.mock.calls.map(([action]) => action.type)).toEqual(['hold-started', 'hold-pending', 'hold-succeeded']);
    expect(result.current.justHeld).toEqual(reserved);
    expect(result.current.busy).toBe(false);
    expect(onHeld).toHaveBeenCalledOnce();
  });

  it('asks again with the same idempotency key after a network failure, and with a new one for other seats', async () => {
    const live = liveMap();
    const unreachable = new GatewayUnreachableError('the gateway did not answer');
    live.hold.mockRejectedValueOnce(unreachable).mockRejectedValueOnce(unreachable).mockResolvedValue({ status: 201, data: reserved });
    const { result } = renderHook(() => useHold(live, () => undefined));

    await act(() => result.current.hold(['evt_eras_A1']));
    expect(live.dispatch).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'hold-failed', lostSeatIds: [] }));
    await act(() => result.current.hold(['evt_eras_A1']));
    await act(() => result.current.hold(['evt_eras_A2']));

    const keys = live.hold.mock.calls.map(([, , key]) => key);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(awaitDecision).not.toHaveBeenCalled();
  });
});
