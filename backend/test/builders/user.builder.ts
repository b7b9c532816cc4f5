import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@seatstorm/config';
import { JWT_ALGORITHM, JWT_ISSUER, type PublicUser, type UserRole } from '@seatstorm/contracts';
import type { Pool } from 'pg';
import { uniqueId } from '../test-env';

export interface BuiltUser extends PublicUser {
  /** A token the stack's gateway accepts, as the auth service would issue it. */
  token: string;
}

/**
 * Creates users directly (no password: they cannot sign in, and hashing would
 * only slow tests about bookings down) and signs their tokens with the stack's
 * secret. Tests of sign-in itself go through the auth service instead.
 */
export async function buildUsers(db: Pool, config: AppConfig, count: number, name = 'Tester', role: UserRole = 'user'): Promise<BuiltUser[]> {
  const users = Array.from({ length: count }, (_, i) => {
    const id = uniqueId('usr_test');
    return { id, email: `${id}@test.seatstorm.dev`, name: `${name} ${i + 1}`, role };
  });
  await db.query(
    `INSERT INTO users (id, email, name, password_hash, role)
     SELECT id, email, name, 'not-a-password', $4::"UserRole" FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, email, name)`,
    [users.map((u) => u.id), users.map((u) => u.email), users.map((u) => u.name), role],
  );
  const jwt = new JwtService({ secret: config.JWT_SECRET, signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, expiresIn: 3600 } });
  return users.map((user) => ({ ...user, token: jwt.sign({ sub: user.id, email: user.email, name: user.name, role: user.role }) }));
}
