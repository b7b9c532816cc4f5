import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with argon2id. The library's defaults are argon2id with
 * OWASP's parameters (19 MiB, 2 passes, 1 lane), the same as the seed's.
 */
@Injectable()
export class PasswordsService implements OnModuleInit {
  /** Checked when no user has the email, so an unknown email costs the same time as a wrong password. */
  private dummyHash = '';

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hash(randomBytes(16).toString('hex'));
  }

  hash(password: string): Promise<string> {
    return hash(password);
  }

  /** True when `password` matches `passwordHash`; without a hash, spends the same effort and answers false. */
  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    const matches = await verify(passwordHash ?? this.dummyHash, password).catch(() => false);
    return passwordHash !== undefined && matches;
  }
}
