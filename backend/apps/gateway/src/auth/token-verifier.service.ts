import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { jwtClaimsSchema, type PublicUser } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { DisplayNames } from './display-names';
import { VerifiedTokens } from './verified-tokens';

/** Far more than the users one instance serves at once; a few MB at most. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Checks a token on this gateway instance, without asking the auth service:
 * signature, algorithm, issuer and expiry (the options of AuthModule's JwtModule),
 * then the claims' shape. Shared by the REST guard and the socket gateway. A
 * token seen before is answered from VerifiedTokens until its expiry. The
 * caller's display name is kept for the race lab, which would otherwise ask
 * the auth service for it.
 */
@Injectable()
export class TokenVerifier {
  private readonly verified = new VerifiedTokens(VERIFIED_TOKENS_KEPT);

  constructor(
    private readonly jwt: JwtService,
    private readonly names: DisplayNames,
  ) {}

  verify(token: string): PublicUser {
    const user = this.check(token);
    this.names.remember(user);
    return user;
  }

  private check(token: string): PublicUser {
    const known = this.verified.find(token, Math.floor(Date.now() / 1000));
    if (known) return known;
    let payload: object;
    try {
      payload = this.jwt.verify<object>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new DomainError('UNAUTHORIZED', 'Your session has expired. Please sign in again.');
      throw invalidToken();
    }
    const claims = jwtClaimsSchema.safeParse(payload);
    if (!claims.success) throw invalidToken();
    const { sub, email, name, role, exp } = claims.data;
    return this.verified.remember(token, { id: sub, email, name, role }, exp);
  }
}

const invalidToken = (): DomainError => new DomainError('UNAUTHORIZED', 'The token is invalid. Please sign in again.');
