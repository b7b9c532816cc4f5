'use client';

import { useState } from 'react';
import type { EventDetail, JoinWaitingList, WaitingListEntry } from '@seatstorm/contracts';
import { joinWaitingList, leaveWaitingList } from '@/lib/api';
import { describeError } from '@/lib/errors';
import { useWaitingListEntry } from '@/lib/live';
import { useSession } from '../session/session-provider';
import { WaitingListPanel } from './waiting-list-panel';

/** The waiting list of the event shown, for the signed-in buyer (docs/architecture.md §14). */
export function WaitingList({ event, soldOutTiers, soldOut }: { event: EventDetail; soldOutTiers: readonly string[]; soldOut: boolean }) {
  const { session } = useSession();
  const token = session?.token ?? null;
  const entry = useWaitingListEntry(token, event.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!token) return null;

  const act = async (work: () => Promise<WaitingListEntry>) => {
    setBusy(true);
    setError(null);
    try {
      entry.changed(await work());
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
      entry.refresh();
    }
  };
  return (
    <WaitingListPanel
      entry={entry.data ?? null}
      soldOut={soldOut}
      soldOutTiers={soldOutTiers}
      maxQuantity={event.maxSeatsPerBooking}
      busy={busy}
      error={error}
      onJoin={(ask: JoinWaitingList) => void act(() => joinWaitingList(token, event.id, ask))}
      onLeave={() => void act(() => leaveWaitingList(token, event.id))}
    />
  );
}
