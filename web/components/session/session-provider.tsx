'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { authResultSchema, errorBodySchema, type LoginRequest, type PublicUser, type RegisterRequest } from '@seatstorm/contracts';
import { ApiError, GatewayUnreachableError, login } from '@/lib/api';
import { msUntilExpiry, userOfToken } from '@/lib/jwt';
import type { Session } from '@/lib/session-cookie';
import { readTabSession, subscribeTabSession, writeTabSession } from '@/lib/tab-session';

interface SessionContextValue {
  session: Session | null;
  /** Who is signed in, known before the session's token is (`session` is null until then). */
  user: PublicUser | null;
  /** True while the cookie session's token is being fetched: not signed out, not yet able to call the gateway. */
  restoring: boolean;
  /** True when the session belongs to this tab only (demo sign-in). */
  tabOnly: boolean;
  signIn(credentials: LoginRequest, options?: { tabOnly?: boolean }): Promise<Session>;
  register(details: RegisterRequest): Promise<Session>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function postSession(body: ({ mode: 'login' } & LoginRequest) | ({ mode: 'register' } & RegisterRequest)): Promise<Session> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (cause) {
    throw new GatewayUnreachableError('the web app did not answer', { cause });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = errorBodySchema.safeParse(json);
    if (error.success) throw new ApiError(error.data.statusCode, error.data.error, error.data.message);
    throw new ApiError(response.status, 'INTERNAL_ERROR', 'Signing in failed.');
  }
  return authResultSchema.parse(json);
}

/** The cookie session's token, from this site's own route: null when it has none (expired, signed out elsewhere). */
async function fetchSession(): Promise<Session | null> {
  const response = await fetch('/api/session', { cache: 'no-store' });
  if (!response.ok) return null;
  return authResultSchema.parse(await response.json());
}

const noTabSession = (): Session | null => null;

/**
 * The signed-in person for every page. The server renders who is signed in
 * (`signedInUser`, from the httpOnly cookie) but never their token; the
 * provider fetches it once the page runs.
 */
export function SessionProvider({ signedInUser, children }: { signedInUser: PublicUser | null; children: ReactNode }) {
  const [cookieSession, setCookieSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(signedInUser !== null);
  // The server cannot see a tab's sessionStorage: it renders the cookie session, the tab's own wins after hydration.
  const tabSession = useSyncExternalStore(subscribeTabSession, readTabSession, noTabSession);

  useEffect(() => {
    if (!restoring) return;
    let current = true;
    fetchSession()
      .catch(() => null)
      .then((session) => {
        if (!current) return;
        setCookieSession(session);
        setRestoring(false);
      });
    return () => {
      current = false;
    };
  }, [restoring]);

  // At the token's expiry the gateway closes this person's socket, so the session is looked at again: a tab's
  // own ends; the cookie's is asked for once more, as another tab may have signed in since and left a fresh token.
  const token = (tabSession ?? cookieSession)?.token;
  const tabOnly = tabSession !== null;
  useEffect(() => {
    if (!token) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      const wait = msUntilExpiry(token);
      if (wait > 0) {
        // A long session's wait is cut to what setTimeout can keep: not expired yet, wait again.
        timer = setTimeout(look, wait);
        return;
      }
      if (tabOnly) {
        writeTabSession(null);
        return;
      }
      fetchSession()
        .catch(() => null)
        .then((fresh) => {
          if (current) setCookieSession(fresh && userOfToken(fresh.token) ? fresh : null);
        });
    };
    look();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [token, tabOnly]);

  const signIn = useCallback(async (credentials: LoginRequest, options?: { tabOnly?: boolean }) => {
    if (options?.tabOnly) {
      const result = await login(credentials);
      writeTabSession(result.token);
      return result;
    }
    const result = await postSession({ mode: 'login', ...credentials });
    writeTabSession(null);
    setCookieSession(result);
    setRestoring(false);
    return result;
  }, []);

  const register = useCallback(async (details: RegisterRequest) => {
    const result = await postSession({ mode: 'register', ...details });
    writeTabSession(null);
    setCookieSession(result);
    setRestoring(false);
    return result;
  }, []);

  const signOut = useCallback(async () => {
    if (readTabSession()) {
      writeTabSession(null);
      return;
    }
    setCookieSession(null);
    setRestoring(false);
    await fetch('/api/session', { method: 'DELETE' }).catch(() => undefined);
  }, []);

  const value = useMemo<SessionContextValue>(() => {
    const session = tabSession ?? cookieSession;
    const waiting = restoring && !tabSession;
    return {
      session,
      user: session?.user ?? (waiting ? signedInUser : null),
      restoring: waiting,
      tabOnly: tabSession !== null,
      signIn,
      register,
      signOut,
    };
  }, [tabSession, cookieSession, restoring, signedInUser, signIn, register, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
