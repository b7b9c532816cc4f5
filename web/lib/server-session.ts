import { cookies } from 'next/headers';
import { userOfToken } from './jwt';
import { SESSION_COOKIE, type Session } from './session-cookie';

/** The session of the browser making this request, from its httpOnly cookie; null when absent or expired. */
export async function readServerSession(): Promise<Session | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const user = userOfToken(token);
  return user ? { user, token } : null;
}
