'use client';

import { createContext, useCallback, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { authResultSchema, errorBodySchema, type LoginRequest, type RegisterRequest } from '@seatstorm/contracts';
import { ApiError, GatewayUnreachableError, login } from '@/lib/api';
import type { Session } from '@/lib/session-cookie';
import { readTabSession, subscribeTabSession, writeTabSession } from '@/lib/tab-session';

interface SessionContextValue {
  session: Session | null;
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

const noTabSession = (): Session | null => null;

export function SessionProvider({ initialSession, children }: { initialSession: Session | null; children: ReactNode }) {
  const [cookieSession, setCookieSession] = useState(initialSession);
  // The server cannot see a tab's sessionStorage: it renders the cookie session, the tab's own wins after hydration.
  const tabSession = useSyncExternalStore(subscribeTabSession, readTabSession, noTabSession);

  const signIn = useCallback(async (credentials: LoginRequest, options?: { tabOnly?: boolean }) => {
    if (options?.tabOnly) {
      const result = await login(credentials);
      writeTabSession(result.token);
      return result;
    }
    const result = await postSession({ mode: 'login', ...credentials });
    writeTabSession(null);
    setCookieSession(result);
    return result;
  }, []);

  const register = useCallback(async (details: RegisterRequest) => {
    const result = await postSession({ mode: 'register', ...details });
    writeTabSession(null);
    setCookieSession(result);
    return result;
  }, []);

  const signOut = useCallback(async () => {
    if (readTabSession()) {
      writeTabSession(null);
      return;
    }
    setCookieSession(null);
    await fetch('/api/session', { method: 'DELETE' }).catch(() => undefined);
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({ session: tabSession ?? cookieSession, tabOnly: tabSession !== null, signIn, register, signOut }),
    [tabSession, cookieSession, signIn, register, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
