import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { loginRequestSchema, registerRequestSchema, type AuthResult, type ErrorBody, type LoginRequest, type RegisterRequest } from '@seatstorm/contracts';
import { ApiError, login, register } from '@/lib/api';
import { browserAddressOf } from '@/lib/browser-address.mjs';
import { describeError } from '@/lib/errors';
import { expiryOf } from '@/lib/jwt';
import { readServerSession } from '@/lib/server-session';
import { DEVICE_COOKIE, SESSION_COOKIE } from '@/lib/session-cookie';
import { cookieOptions, isCrossSite, isJson } from '@/lib/session-request';

/**
 * Signs a browser in or out, and hands its token to its own pages. The
 * gateway issues the JWT; this handler keeps it in an httpOnly cookie (so it
 * survives reloads and new tabs and is never in script-readable storage or in
 * a rendered page), and a page asks for it with GET when it needs to call the
 * gateway as `Authorization: Bearer`. Only this site's own pages may do any of
 * it (lib/session-request.ts).
 */
type SessionRequest = { mode: 'login'; body: LoginRequest } | { mode: 'register'; body: RegisterRequest };

function parseSessionRequest(input: unknown): SessionRequest | null {
  if (typeof input !== 'object' || input === null || !('mode' in input)) return null;
  if (input.mode === 'login') {
    // The device token comes from this browser's cookie only, never from the page.
    const body = loginRequestSchema.omit({ deviceToken: true }).safeParse(input);
    return body.success ? { mode: 'login', body: body.data } : null;
  }
  if (input.mode === 'register') {
    const body = registerRequestSchema.safeParse(input);
    return body.success ? { mode: 'register', body: body.data } : null;
  }
  return null;
}

function errorResponse(status: number, body: ErrorBody): NextResponse {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

const notFromThisSite = (): NextResponse => errorResponse(403, { statusCode: 403, error: 'FORBIDDEN', message: "Sign in on Seatstorm's own pages." });

const secondsUntil = (exp: number | undefined): number => (exp === undefined ? 0 : exp - Date.now() / 1000);

/** The token of this browser's session, for its own pages only. */
export async function GET(request: Request): Promise<NextResponse> {
  if (isCrossSite(request.headers)) return notFromThisSite();
  const session = await readServerSession();
  if (!session) return errorResponse(401, { statusCode: 401, error: 'UNAUTHORIZED', message: 'Not signed in.' });
  return NextResponse.json(session, { headers: { 'cache-control': 'no-store' } });
}

export async function POST(request: Request): Promise<NextResponse> {
  if (isCrossSite(request.headers) || !isJson(request.headers)) return notFromThisSite();
  const parsed = parseSessionRequest(await request.json().catch(() => undefined));
  if (!parsed) {
    return errorResponse(400, { statusCode: 400, error: 'VALIDATION_FAILED', message: 'Check your email and password: passwords have at least 8 characters.' });
  }

  // The gateway limits sign-ins and registrations per client IP: it is told the browser's, or
  // every browser signing in through this server would share one budget (see server.mjs).
  const forwardedFor = browserAddressOf(request.headers);
  const deviceToken = (await cookies()).get(DEVICE_COOKIE)?.value;
  let result: AuthResult;
  try {
    result =
      parsed.mode === 'login'
        ? await login({ ...parsed.body, ...(deviceToken ? { deviceToken } : {}) }, forwardedFor)
        : await register(parsed.body, forwardedFor);
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 503;
    const code = error instanceof ApiError ? error.code : 'SERVICE_UNAVAILABLE';
    return errorResponse(status, { statusCode: status, error: code, message: describeError(error) });
  }

  const { deviceToken: newDeviceToken, ...session } = result;
  const response = NextResponse.json(session, { status: 200, headers: { 'cache-control': 'no-store' } });
  response.cookies.set(SESSION_COOKIE, session.token, cookieOptions(secondsUntil(expiryOf(session.token))));
  if (newDeviceToken) response.cookies.set(DEVICE_COOKIE, newDeviceToken, cookieOptions(secondsUntil(expiryOf(newDeviceToken))));
  return response;
}

/** Signs out: the device stays known. */
export function DELETE(request: Request): NextResponse {
  if (isCrossSite(request.headers)) return notFromThisSite();
  const response = new NextResponse(null, { status: 204 });
  response.cookies.delete(SESSION_COOKIE);
  return response;
}
