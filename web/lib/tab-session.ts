import { userOfToken } from './jwt';
import type { Session } from './session-cookie';

/**
 * A session for this browser tab only (sessionStorage), used by demo
 * sign-in so that three tabs can be Alice, Bob and Charlie at once and race
 * each other; the cookie session is shared by every tab of the browser.
 */
const KEY = 'seatstorm.tab-session';
const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cachedSession: Session | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readTabSession(): Session | null {
  const raw = storage()?.getItem(KEY) ?? null;
  // useSyncExternalStore needs the same object while nothing changed.
  if (raw === cachedRaw) return cachedSession;
  cachedRaw = raw;
  cachedSession = null;
  if (raw) {
    const user = userOfToken(raw);
    cachedSession = user ? { user, token: raw } : null;
  }
  return cachedSession;
}

export function writeTabSession(token: string | null): void {
  const store = storage();
  if (!store) return;
  if (token) store.setItem(KEY, token);
  else store.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function subscribeTabSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
