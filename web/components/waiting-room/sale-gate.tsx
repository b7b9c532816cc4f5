'use client';

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { EventDetail, QueueAdmitted } from '@seatstorm/contracts';
import { forgetAdmission, readAdmission, subscribeAdmissions, writeAdmission } from '@/lib/admission';
import { SeatPicker, SeatPickerPending } from '../seat-picker/seat-picker';
import { useSession } from '../session/session-provider';
import { SignInPrompt } from '../auth/sign-in-prompt';
import { WaitingRoom } from './waiting-room';

/**
 * What a buyer sees of an event: the seat map, or, while the event's waiting
 * room is on and they have no pass yet, the waiting room, which hands over to
 * the seat map by itself once they are let in, and takes them back when the
 * pass runs out.
 */
export function SaleGate({ event }: { event: EventDetail }) {
  const { session, user } = useSession();
  const [roomClosed, setRoomClosed] = useState(false);
  // Who is signed in is known before their token is: their pass can be read meanwhile.
  const userId = user?.id ?? null;
  const admission = useSyncExternalStore(
    subscribeAdmissions,
    () => (userId ? serialized(readAdmission(event.id, userId)) : null),
    // The server cannot see the pass: "not known yet", until the page has hydrated.
    () => UNKNOWN,
  );
  const pass = useMemo(() => (admission && admission !== UNKNOWN ? (JSON.parse(admission) as QueueAdmitted) : null), [admission]);

  // A pass runs out on its own: back to the queue then.
  useEffect(() => {
    if (!pass || !userId) return;
    const timer = setTimeout(() => forgetAdmission(event.id, userId), Math.max(0, Date.parse(pass.passExpiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [pass, userId, event.id]);

  const onAdmitted = useCallback((granted: QueueAdmitted) => userId && writeAdmission(userId, granted), [userId]);
  const onRoomClosed = useCallback(() => setRoomClosed(true), []);

  if (!event.waitingRoom.enabled || roomClosed) return <SeatPicker event={event} />;
  // A signed-in buyer's pass, or their session, still on its way: the seat map's card holds the place, as a buyer
  // with a pass (most of them, once a sale is open) sees next.
  if (user && (admission === UNKNOWN || (pass && !session))) return <SeatPickerPending event={event} />;
  if (!session) return <SignInPrompt title="Sign in to join the queue" next={`/events/${event.id}`} />;
  if (pass) return <SeatPicker event={event} admissionPass={pass.pass} />;
  return <WaitingRoom event={event} session={session} onAdmitted={onAdmitted} onRoomClosed={onRoomClosed} />;
}

const UNKNOWN = 'unknown';

// useSyncExternalStore compares snapshots by identity: a string stays equal while the pass does.
const serialized = (admission: QueueAdmitted | null): string | null => (admission ? JSON.stringify(admission) : null);
