import { createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { JWT_ALGORITHM, admissionPassClaimsSchema, type AdmissionPassClaims } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';

const AUDIENCE = 'seatstorm:admission';

/**
 * Admission passes: short-lived JWTs bound to one user and one event, which
 * every gateway instance checks on its own, without asking Redis or anyone
 * (docs/architecture.md §8). They are signed with a key of their own,
 * derived from JWT_SECRET, so a sign-in token can never pass for a pass nor
 * the other way round, and a pass is refused on any other event or account.
 */
@Injectable()
export class AdmissionPasses {
  private readonly jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.jwt = new JwtService({ secret: passKey(config.JWT_SECRET) });
  }

  /** The pass of a buyer admitted at `admittedAt` (ms): the same pass however often it is asked for. */
  issue(userId: string, eventId: string, admittedAt: number): { pass: string; expiresAt: Date } {
    const iat = Math.floor(admittedAt / 1000);
    const exp = iat + this.config.WAITING_ROOM_PASS_TTL;
    const claims: AdmissionPassClaims = { sub: userId, evt: eventId, aud: AUDIENCE, iat, exp };
    return { pass: this.jwt.sign(claims, { algorithm: JWT_ALGORITHM }), expiresAt: new Date(exp * 1000) };
  }

  /** Throws ADMISSION_REQUIRED unless `pass` is this user's unexpired pass for this event. */
  verify(pass: string | undefined, userId: string, eventId: string): void {
    if (!pass) throw refused('missing', 'This event has a waiting room: join the queue, and hold seats once you are let in.');
    let payload: object;
    try {
      payload = this.jwt.verify<object>(pass, { algorithms: [JWT_ALGORITHM], audience: AUDIENCE });
    } catch (error) {
      if (error instanceof TokenExpiredError) throw refused('expired', 'Your admission pass has expired. Join the queue again to get a new one.');
      throw refused('invalid', 'This admission pass is not valid.');
    }
    const claims = admissionPassClaimsSchema.safeParse(payload);
    if (!claims.success) throw refused('invalid', 'This admission pass is not valid.');
    if (claims.data.sub !== userId) throw refused('other-user', 'This admission pass belongs to another account.');
    if (claims.data.evt !== eventId) throw refused('other-event', 'This admission pass is for another event.');
  }
}

function passKey(jwtSecret: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', jwtSecret, 'seatstorm', 'admission pass', 32)));
}

const refused = (reason: 'missing' | 'expired' | 'invalid' | 'other-user' | 'other-event', message: string): DomainError =>
  new DomainError('ADMISSION_REQUIRED', message, { reason });
