'use client';

import { useId } from 'react';
import type { EventDetail } from '@seatstorm/contracts';
import type { LiveSeatMap, useMyBookings } from '@/lib/live';
import { chosenCount } from '@/lib/seat-map/seat-map-state';
import { strandedBySelection } from '@/lib/stranded-seats';
import { useSession } from '../session/session-provider';
import { AllowanceNote } from './allowance-note';
import { BestAvailable } from './best-available';
import { HeldForYou } from './held-for-you';
import { SelectedSeats } from './selected-seats';
import { SelectionNotice } from './selection-notice';
import { SignInToHold } from './sign-in-to-hold';
import { StandingPlaces } from './standing-places';
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
  const count = chosenCount(state);
  const places = state.standing?.quantity ?? 0;
  const pickUpTo = Math.min(state.maxSeats, state.allowance?.remaining ?? state.maxSeats);
  // The booking core would refuse the hold (ORPHAN_SEAT): say which seats and why before it is sent.
  const stranded = event.noOrphanSeats ? strandedBySelection(state) : [];
  const canAsk = !holding.busy && state.sync === 'live';

  return (
    <aside className={styles.panel} aria-labelledby="selection-heading">
      <h2 id="selection-heading" className={styles.heading}>
        Your seats
      </h2>
      <SelectionNotice notice={state.notice} onDismiss={() => dispatch({ type: 'dismiss-notice' })} />
      <SelectedSeats seats={selected} pickUpTo={pickUpTo} onRemove={(seatId) => dispatch({ type: 'toggle', seatId })} />
      <StandingPlaces
        areas={state.areas}
        chosen={state.standing}
        room={Math.max(0, pickUpTo - count)}
        disabled={!session || !canAsk}
        onChange={(areaId, quantity) => dispatch({ type: 'set-standing', areaId, quantity })}
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
            onClick={() =>
              holding.hold(
                selected.map((seat) => seat.id),
                state.standing,
              )
            }
            data-testid="hold-button"
          >
            {holding.busy ? 'Holding…' : count === 0 ? 'Hold seats' : holdLabel(selected.length, places)}
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

/** "Hold 2 seats", "Hold 3 standing places", "Hold 1 seat and 2 standing places". */
function holdLabel(seats: number, places: number): string {
  const seatWords = seats > 0 ? `${seats} seat${seats === 1 ? '' : 's'}` : '';
  const placeWords = places > 0 ? `${places} standing place${places === 1 ? '' : 's'}` : '';
  return `Hold ${[seatWords, placeWords].filter(Boolean).join(' and ')}`;
}
