import { NextResponse } from 'next/server';
import { loginRequestSchema, registerRequestSchema, type AuthResult, type ErrorBody, type LoginRequest, type RegisterRequest } from '@seatstorm/contracts';
import { ApiError, login, register } from '@/lib/api';
import { browserAddressOf } from '@/lib/browser-address.mjs';
import { describeError } from '@/lib/errors';
import { readClaims } from '@/lib/jwt';
import { SESSION_COOKIE } from '@/lib/session-cookie';

/**
 * Signs a browser in or out. The gateway issues the JWT; this handler keeps
 * it in an httpOnly cookie (so it survives reloads and new tabs and is never
 * in script-readable storage) and hands it to the page, which sends it to the
 * gateway as `Authorization: Bearer`.
 */
type SessionRequest = { mode: 'login'; body: LoginRequest } | { mode: 'register'; body: RegisterRequest };

function parseSessionRequest(input: unknown): SessionRequest | null {
  if (typeof input !== 'object' || input === null || !('mode' in input)) return null;
  if (input.mode === 'login') {
    const body = loginRequestSchema.safeParse(input);
    return body.success ? { mode: 'login', body: body.data } : null;
  }
  if (input.mode === 'register') {
    const body = registerRequestSchema.safeParse(input);
    return body.success ? { mode: 'register', body: body.data } : null;
  }
  return null;
}

function errorResponse(status: number, body: ErrorBody): NextResponse {
  return NextResponse.json(body, { status });
}

export async function POST(request: Request): Promise<NextResponse> {
  const parsed = parseSessionRequest(await request.json().catch(() => undefined));
  if (!parsed) {
    return errorResponse(400, { statusCode: 400, error: 'VALIDATION_FAILED', message: 'Check your email and password: passwords have at least 8 characters.' });
  }

  // The gateway limits sign-ins and registrations per client IP: it is told the browser's, or
  // every browser signing in through this server would share one budget (see server.mjs).
  const forwardedFor = browserAddressOf(request.headers);
  let result: AuthResult;
  try {
    result = parsed.mode === 'login' ? await login(parsed.body, forwardedFor) : await register(parsed.body, forwardedFor);
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 503;
    const code = error instanceof ApiError ? error.code : 'SERVICE_UNAVAILABLE';
    return errorResponse(status, { statusCode: status, error: code, message: describeError(error) });
  }

  const claims = readClaims(result.token);
  const response = NextResponse.json(result, { status: 200 });
  response.cookies.set(SESSION_COOKIE, result.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: new URL(request.url).protocol === 'https:',
    path: '/',
    maxAge: claims ? Math.max(0, claims.exp - Math.floor(Date.now() / 1000)) : undefined,
  });
  return response;
}

export function DELETE(): NextResponse {
  const response = new NextResponse(null, { status: 204 });
  response.cookies.delete(SESSION_COOKIE);
  return response;
}
