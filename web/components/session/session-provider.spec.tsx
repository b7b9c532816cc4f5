// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicUser } from '@seatstorm/contracts';
import { MAX_TIMEOUT_MS } from '@/lib/jwt';
import { readTabSession, writeTabSession } from '@/lib/tab-session';
import { SessionProvider, useSession } from './session-provider';

const alice: PublicUser = { id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user' };
const NOW = Date.UTC(2026, 10, 22, 12);

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Alice's sign-in token, running out `seconds` after NOW. */
const tokenFor = (seconds: number) =>
  `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: alice.id, email: alice.email, name: alice.name, role: alice.role, iat: NOW / 1000, exp: NOW / 1000 + seconds })}.signature`;

/** GET /api/session as the web app answers it: the cookie's token, or 401 once there is none. */
const sessionAnswer = (token: string | null) =>
  token
    ? new Response(JSON.stringify({ user: alice, token }), { status: 200, headers: { 'content-type': 'application/json' } })
    : new Response(JSON.stringify({ statusCode: 401, error: 'UNAUTHORIZED', message: 'Not signed in.' }), { status: 401 });

function Shown() {
  const { session } = useSession();
  return <p data-testid="session">{session ? session.token : 'signed out'}</p>;
}
const shown = () => screen.getByTestId('session').textContent;

/** Lets the fake clock run `ms` on, with the fetches and renders it sets off. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  writeTabSession(null);
  fetchMock.mockReset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('a session that runs out', () => {
  it("takes the fresh token another tab left in the cookie: the route is asked again at the token's expiry", async () => {
    const first = tokenFor(60);
    const fresh = tokenFor(3_600);
    fetchMock.mockResolvedValueOnce(sessionAnswer(first)).mockResolvedValueOnce(sessionAnswer(fresh));
    render(
      <SessionProvider signedInUser={alice}>
        <Shown />
      </SessionProvider>,
    );
    await pass(0);
    expect(shown()).toBe(first);

    await pass(59_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await pass(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(shown()).toBe(fresh);
  });

  it('signs the person out when the cookie no longer holds a session', async () => {
    fetchMock.mockResolvedValueOnce(sessionAnswer(tokenFor(60))).mockResolvedValueOnce(sessionAnswer(null));
    render(
      <SessionProvider signedInUser={alice}>
        <Shown />
      </SessionProvider>,
    );
    await pass(0);
    expect(shown()).toBe(tokenFor(60));

    await pass(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(shown()).toBe('signed out');
  });

  it("signs out when the cookie answers with the same expired token, and doesn't ask again", async () => {
    const first = tokenFor(60);
    fetchMock.mockImplementation(async () => sessionAnswer(first));
    render(
      <SessionProvider signedInUser={alice}>
        <Shown />
      </SessionProvider>,
    );
    await pass(0);

    await pass(60_000);
    expect(shown()).toBe('signed out');
    await pass(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("ends a tab's own session at its expiry, without asking the cookie", async () => {
    const tabToken = tokenFor(60);
    writeTabSession(tabToken);
    render(
      <SessionProvider signedInUser={null}>
        <Shown />
      </SessionProvider>,
    );
    expect(shown()).toBe(tabToken);

    await pass(59_999);
    expect(shown()).toBe(tabToken);
    await pass(1);
    expect(shown()).toBe('signed out');
    expect(readTabSession()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps a session longer than a timer can wait until its real expiry', async () => {
    const days30 = 30 * 24 * 3_600;
    const tabToken = tokenFor(days30);
    writeTabSession(tabToken);
    render(
      <SessionProvider signedInUser={null}>
        <Shown />
      </SessionProvider>,
    );

    await pass(MAX_TIMEOUT_MS + 1_000);
    expect(shown()).toBe(tabToken);
    await pass(days30 * 1_000 - MAX_TIMEOUT_MS - 1_000);
    expect(shown()).toBe('signed out');
  });
});
