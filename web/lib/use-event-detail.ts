import { useEffect, useState } from 'react';
import type { EventDetail } from '@seatstorm/contracts';
import { getEvent } from './api';

/** The event a page is about, once known; null while loading or when it could not be fetched. */
export function useEventDetail(eventId: string | undefined): EventDetail | null {
  const [event, setEvent] = useState<EventDetail | null>(null);
  useEffect(() => {
    if (!eventId) return;
    getEvent(eventId).then(setEvent, () => setEvent(null));
  }, [eventId]);
  return event;
}
