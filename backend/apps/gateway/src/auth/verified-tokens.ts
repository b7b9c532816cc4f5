import type { PublicUser } from '@seatstorm/contracts';

interface Verified {
  user: PublicUser;
  /** The token's `exp` claim, seconds since the epoch. */
  exp: number;
}

/**
 * Tokens this instance has verified, most recently used last, each until its
 * `exp`: a client sends the same token with every request, and checking its
 * signature and claims again would give the same answer. Expiry is the only
 * check that changes with time, so a remembered token is one that passed all
 * the others, and it is dropped at its `exp` exactly as jsonwebtoken would
 * refuse it (`now >= exp`, now in whole seconds). Bounded: past `capacity`
 * tokens, the least recently used is forgotten.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, Verified>();

  constructor(private readonly capacity: number) {}

  /** The user of a remembered token that has not run out at `nowSeconds`. */
  find(token: string, nowSeconds: number): PublicUser | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (nowSeconds >= entry.exp) return undefined;
    this.entries.set(token, entry);
    return entry.user;
  }

  /** Remembers a token that passed every check; answers its user, frozen, since every request with the token shares it. */
  remember(token: string, user: PublicUser, exp: number): PublicUser {
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const shared = Object.freeze({ ...user });
    this.entries.set(token, { user: shared, exp });
    return shared;
  }
}
