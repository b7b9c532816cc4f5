import { createHash, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { JWT_ALGORITHM } from '@seatstorm/contracts';
import { z } from 'zod';

const AUDIENCE = 'seatstorm:device';
/** A device stays known this long after its last sign-in (each sign-in gives it a new token). */
const KNOWN_DEVICE_TTL_SECONDS = 90 * 24 * 3600;

const deviceClaimsSchema = z.object({ sub: z.string(), jti: z.string(), aud: z.literal(AUDIENCE) });

/**
 * Device tokens: what a register or a successful sign-in answers besides the
 * sign-in token, so that the device can prove later that the account's owner
 * signed in on it before. The per-email failure budget exists against guessing
 * one account's password from many addresses, but anyone who knows the email
 * can spend it and keep the owner out; a known device counts its failures on
 * a budget of its own instead (LoginRateLimitInterceptor). A token names the
 * email by a digest only, is signed with a key of its own derived from
 * JWT_SECRET (never usable as a sign-in token or the other way round) and is
 * checked by its signature alone, on any gateway instance.
 */
@Injectable()
export class KnownDevices {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.jwt = new JwtService({ secret: deviceKey(config.JWT_SECRET) });
  }

  /** A new token for a device on which `email`'s owner just signed in. */
  issue(email: string): string {
    const claims = { sub: digestOf(email), jti: randomBytes(12).toString('base64url'), aud: AUDIENCE };
    return this.jwt.sign(claims, { algorithm: JWT_ALGORITHM, expiresIn: KNOWN_DEVICE_TTL_SECONDS });
  }

  /** The device's id when `token` is a valid, unexpired token of a device `email`'s owner signed in on; else undefined. */
  recognize(token: string | undefined, email: string): string | undefined {
    if (!token) return undefined;
    let payload: object;
    try {
      payload = this.jwt.verify<object>(token, { algorithms: [JWT_ALGORITHM], audience: AUDIENCE });
    } catch {
      return undefined;
    }
    const claims = deviceClaimsSchema.safeParse(payload);
    return claims.success && claims.data.sub === digestOf(email) ? claims.data.jti : undefined;
  }
}

/** Rate-limit counters and device tokens name an email by this digest, so neither Redis nor a token holds the address. */
export function digestOf(email: string): string {
  return createHash('sha256').update(email).digest('base64url');
}

function deviceKey(jwtSecret: string) {
  return createSecretKey(Buffer.from(hkdfSync('sha256', jwtSecret, 'seatstorm', 'known device', 32)));
}
