import { queueAdmittedSchema, type QueueAdmitted } from '@seatstorm/contracts';

/**
 * Admission passes the waiting room gave this browser, per event and account,
 * in localStorage so that every tab of one buyer shares the one pass (the
 * queue keeps one place per account, not per tab).
 */
const keyOf = (eventId: string, userId: string): string => `seatstorm.admission.${eventId}.${userId}`;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The buyer's pass for this event if it is still valid at `now`. */
export function readAdmission(eventId: string, userId: string, now = Date.now()): QueueAdmitted | null {
  const raw = storage()?.getItem(keyOf(eventId, userId));
  if (!raw) return null;
  try {
    const parsed = queueAdmittedSchema.safeParse(JSON.parse(raw));
    if (parsed.success && parsed.data.eventId === eventId && Date.parse(parsed.data.passExpiresAt) > now) return parsed.data;
  } catch {
    // Not ours, or damaged: as if there were none.
  }
  return null;
}

export function writeAdmission(userId: string, admission: QueueAdmitted): void {
  storage()?.setItem(keyOf(admission.eventId, userId), JSON.stringify(admission));
  for (const listener of listeners) listener();
}

export function forgetAdmission(eventId: string, userId: string): void {
  storage()?.removeItem(keyOf(eventId, userId));
  for (const listener of listeners) listener();
}

/** Calls `listener` when a pass is written or removed, in this tab or another. */
export function subscribeAdmissions(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key?.startsWith('seatstorm.admission.')) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
