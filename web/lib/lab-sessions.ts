import { DEMO_PASSWORD, type AuthResult } from '@seatstorm/contracts';
import { login } from './api';
import { userOfToken } from './jwt';

/**
 * The race lab signs in three demo users at once, each with its own token
 * (and so its own socket). Tokens are kept for this tab, so reloading the lab
 * does not spend sign-ins against the gateway's rate limit.
 */
const KEY = 'seatstorm.lab-sessions';

function cached(): Record<string, string> {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export async function labSession(email: string): Promise<AuthResult> {
  const tokens = cached();
  const token = tokens[email];
  const user = token ? userOfToken(token) : null;
  if (token && user) return { user, token };
  const result = await login({ email, password: DEMO_PASSWORD });
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ ...cached(), [email]: result.token }));
  } catch {
    // Private browsing without storage: the lab still works, it signs in again on reload.
  }
  return result;
}
