import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { jwtClaimsSchema, type PublicUser } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';

/**
 * Checks a token on this gateway instance, without asking the auth service:
 * signature, algorithm, issuer and expiry (the options of AuthModule's JwtModule),
 * then the claims' shape. Shared by the REST guard and the socket gateway.
 */
@Injectable()
export class TokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  verify(token: string): PublicUser {
    let payload: object;
    try {
      payload = this.jwt.verify<object>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new DomainError('UNAUTHORIZED', 'Your session has expired. Please sign in again.');
      throw invalidToken();
    }
    const claims = jwtClaimsSchema.safeParse(payload);
    if (!claims.success) throw invalidToken();
    const { sub, email, name, role } = claims.data;
    return { id: sub, email, name, role };
  }
}

const invalidToken = (): DomainError => new DomainError('UNAUTHORIZED', 'The token is invalid. Please sign in again.');
