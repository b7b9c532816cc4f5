import { describe, expect, it } from 'vitest';
import { authResultSchema, jwtClaimsSchema, loginRequestSchema, publicUserSchema, registerRequestSchema } from './auth';
import { ContractViolation, parseContract } from './validation';

const registration = { email: 'Dana@Example.com', name: 'Dana', password: 'correct horse' };

function pathsOf(schema: Parameters<typeof parseContract>[0], value: unknown): string[] {
  try {
    parseContract(schema, value, 'body');
  } catch (error) {
    if (error instanceof ContractViolation) return error.issues.map((issue) => issue.path);
    throw error;
  }
  throw new Error('expected a ContractViolation');
}

describe('auth contracts', () => {
  it('normalizes a registration: email trimmed and lower-cased, name trimmed, password untouched', () => {
    const parsed = registerRequestSchema.parse({ email: '  Dana@Example.COM ', name: '  Dana Scully ', password: ' spaced out ' });
    expect(parsed).toEqual({ email: 'dana@example.com', name: 'Dana Scully', password: ' spaced out ' });
  });

  it('rejects a malformed or over-long email, naming the field', () => {
    expect(pathsOf(registerRequestSchema, { ...registration, email: 'not-an-email' })).toEqual(['email']);
    const domainOf = (labels: number) => `${`${'d'.repeat(60)}.`.repeat(labels)}com`;
    expect(registerRequestSchema.parse({ ...registration, email: `a@${domainOf(4)}` }).email).toHaveLength(249);
    expect(pathsOf(registerRequestSchema, { ...registration, email: `a@${domainOf(5)}` })).toEqual(['email']);
  });

  it('bounds the name to 1–100 characters after trimming', () => {
    expect(pathsOf(registerRequestSchema, { ...registration, name: '   ' })).toEqual(['name']);
    expect(pathsOf(registerRequestSchema, { ...registration, name: 'x'.repeat(101) })).toEqual(['name']);
    expect(registerRequestSchema.parse({ ...registration, name: 'x'.repeat(100) }).name).toHaveLength(100);
  });

  it('requires a password of 8–128 characters to register', () => {
    expect(pathsOf(registerRequestSchema, { ...registration, password: 'short12' })).toEqual(['password']);
    expect(pathsOf(registerRequestSchema, { ...registration, password: 'p'.repeat(129) })).toEqual(['password']);
    expect(registerRequestSchema.parse({ ...registration, password: 'p'.repeat(8) }).password).toBe('pppppppp');
  });

  it('names every missing field of a registration', () => {
    expect(pathsOf(registerRequestSchema, {}).sort()).toEqual(['email', 'name', 'password']);
  });

  it('lets any non-empty password through to login, where a wrong one is a 401 rather than a 400', () => {
    expect(loginRequestSchema.parse({ email: 'ALICE@example.com', password: 'x' })).toEqual({ email: 'alice@example.com', password: 'x' });
    expect(pathsOf(loginRequestSchema, { email: 'alice@example.com', password: '' })).toEqual(['password']);
  });

  it('shows a user without their password hash', () => {
    const user = publicUserSchema.parse({ id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user', passwordHash: '$argon2id$…' });
    expect(user).toEqual({ id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user' });
    expect(pathsOf(publicUserSchema, { ...user, role: 'root' })).toEqual(['role']);
  });

  it('answers register and login with the user and a token', () => {
    const user = { id: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'user' };
    expect(authResultSchema.safeParse({ user, token: 'a.b.c' }).success).toBe(true);
    expect(pathsOf(authResultSchema, { user, token: '' })).toEqual(['token']);
  });

  it('reads the claims of a token: subject, email, name, role and times in seconds', () => {
    const claims = { sub: 'usr_alice', email: 'alice@example.com', name: 'Alice', role: 'admin', iat: 1_700_000_000, exp: 1_700_043_200, iss: 'seatstorm' };
    expect(jwtClaimsSchema.parse(claims)).toEqual({
      sub: 'usr_alice',
      email: 'alice@example.com',
      name: 'Alice',
      role: 'admin',
      iat: 1_700_000_000,
      exp: 1_700_043_200,
    });
    expect(pathsOf(jwtClaimsSchema, { ...claims, sub: undefined })).toEqual(['sub']);
  });
});
