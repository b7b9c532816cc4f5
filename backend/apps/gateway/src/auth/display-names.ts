import { Injectable } from '@nestjs/common';
import { RpcPattern, type PublicUser } from '@seatstorm/contracts';
import { RpcClient } from '@seatstorm/kafka';

const MAX_ENTRIES = 10_000;
const FRESH_MS = 10 * 60_000;
/** After a failed lookup, the fallback stands this long, so an auth outage costs one request per user, not one per decision. */
const FALLBACK_MS = 30_000;
export const UNKNOWN_NAME = 'Someone';

/**
 * Users' display names for the race lab (never their emails), cached in
 * memory (least recently used go first). Every token this instance verifies
 * brings its user's name, over REST or a socket; a user it has not seen is
 * looked up with the auth service's `auth.get-user`.
 */
@Injectable()
export class DisplayNames {
  private readonly cache = new Map<string, { name: string; until: number }>();
  private readonly loading = new Map<string, Promise<string>>();

  constructor(private readonly rpc: RpcClient) {}

  remember(user: PublicUser): void {
    this.store(user.id, user.name, FRESH_MS);
  }

  /** Never rejects: a user the auth service cannot name now is `Someone`. */
  nameOf(userId: string): Promise<string> {
    const cached = this.cache.get(userId);
    if (cached && cached.until > Date.now()) {
      this.store(userId, cached.name, cached.until - Date.now());
      return Promise.resolve(cached.name);
    }
    const inFlight = this.loading.get(userId);
    if (inFlight) return inFlight;
    const lookup = this.rpc
      .request(RpcPattern.AuthGetUser, { userId })
      .then(
        (user) => this.store(userId, user.name, FRESH_MS),
        () => this.store(userId, UNKNOWN_NAME, FALLBACK_MS),
      )
      .finally(() => this.loading.delete(userId));
    this.loading.set(userId, lookup);
    return lookup;
  }

  private store(userId: string, name: string, ttlMs: number): string {
    this.cache.delete(userId);
    this.cache.set(userId, { name, until: Date.now() + ttlMs });
    if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    return name;
  }
}
