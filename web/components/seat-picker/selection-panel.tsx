'use client';

import { useId } from 'react';
import type { EventDetail } from '@seatstorm/contracts';
import type { LiveSeatMap, useMyBookings } from '@/lib/live';
import { strandedBySelection } from '@/lib/stranded-seats';
import { useSession } from '../session/session-provider';
import { AllowanceNote } from './allowance-note';
import { BestAvailable } from './best-available';
import { HeldForYou } from './held-for-you';
import { SelectedSeats } from './selected-seats';
import { SelectionNotice } from './selection-notice';
import { SignInToHold } from './sign-in-to-hold';
import { StrandedWarning } from './stranded-warning';
import { useBestAvailable } from './use-best-available';
import { useHold } from './use-hold';
import styles from './selection-panel.module.css';

interface SelectionPanelProps {
  event: EventDetail;
  live: LiveSeatMap;
  bookings: ReturnType<typeof useMyBookings>;
}

/** The selection, its total and the Hold button; best available; then the holds this person has for the event. */
export function SelectionPanel({ event, live, bookings }: SelectionPanelProps) {
  const { session } = useSession();
  const warningId = useId();
  const { state, dispatch } = live;
  const holding = useHold(live, bookings.refresh);
  const best = useBestAvailable(holding, bookings.data);
  const layout = state.layout;
  const selected = layout ? state.selected.map((index) => layout.seats[index]!) : [];
  const count = selected.length;
  // The booking core would refuse the hold (ORPHAN_SEAT): say which seats and why before it is sent.
  const stranded = event.noOrphanSeats ? strandedBySelection(state) : [];
  const canAsk = !holding.busy && state.sync === 'live';

  return (
    <aside className={styles.panel} aria-labelledby="selection-heading">
      <h2 id="selection-heading" className={styles.heading}>
        Your seats
      </h2>
      <SelectionNotice notice={state.notice} onDismiss={() => dispatch({ type: 'dismiss-notice' })} />
      <SelectedSeats
        seats={selected}
        pickUpTo={Math.min(state.maxSeats, state.allowance?.remaining ?? state.maxSeats)}
        onRemove={(seatId) => dispatch({ type: 'toggle', seatId })}
      />
      <StrandedWarning id={warningId} stranded={stranded} />
      {session && state.allowance ? <AllowanceNote allowance={state.allowance} /> : null}
      {session ? (
        <>
          <button
            type="button"
            className={`button ${styles.hold}`}
            disabled={count === 0 || stranded.length > 0 || !canAsk}
            aria-describedby={stranded.length ? warningId : undefined}
            onClick={() => holding.hold(selected.map((seat) => seat.id))}
            data-testid="hold-button"
          >
            {holding.busy ? 'Holding…' : count === 0 ? 'Hold seats' : `Hold ${count} seat${count === 1 ? '' : 's'}`}
          </button>
          <BestAvailable event={event} layout={layout} round={best} busy={holding.busy} canAsk={canAsk} />
        </>
      ) : (
        <SignInToHold eventId={event.id} />
      )}
      <HeldForYou eventId={event.id} bookings={bookings.data ?? []} justHeld={holding.justHeld} except={best.held?.id} />
    </aside>
  );
}
