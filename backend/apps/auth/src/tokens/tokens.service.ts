import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { JwtClaims, PublicUser } from '@seatstorm/contracts';

type SignedClaims = Omit<JwtClaims, 'iat' | 'exp'>;

/** Issues the tokens the gateway verifies on its own (issuer, algorithm and lifetime come from TokensModule). */
@Injectable()
export class TokensService {
  constructor(private readonly jwt: JwtService) {}

  issue(user: PublicUser): string {
    const claims: SignedClaims = { sub: user.id, email: user.email, name: user.name, role: user.role };
    return this.jwt.sign(claims);
  }
}
