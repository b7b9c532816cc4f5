import { Injectable } from '@nestjs/common';
import { newId, type AuthResult, type LoginRequest, type PublicUser, type RegisterRequest } from '@seatstorm/contracts';
import { DomainError, notFound } from '@seatstorm/errors';
import { TokensService } from '../tokens/tokens.service';
import { PasswordsService } from './passwords.service';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
    private readonly tokens: TokensService,
  ) {}

  /** A new account with the role `user`, signed in at once. */
  async register({ email, name, password }: RegisterRequest): Promise<AuthResult> {
    const passwordHash = await this.passwords.hash(password);
    const user = await this.users.insert({ id: newId('usr'), email, name, passwordHash, role: 'user' });
    if (!user) throw new DomainError('EMAIL_TAKEN', `An account with the email ${email} already exists.`);
    return this.signedIn(user);
  }

  /** One answer for an unknown email and a wrong password, in about the same time, so neither reveals which accounts exist. */
  async login({ email, password }: LoginRequest): Promise<AuthResult> {
    const found = await this.users.findCredentials(email);
    const valid = await this.passwords.verify(found?.passwordHash, password);
    if (!found || !valid) throw new DomainError('INVALID_CREDENTIALS', 'The email or password is incorrect.');
    const { passwordHash: _, ...user } = found;
    return this.signedIn(user);
  }

  async get(userId: string): Promise<PublicUser> {
    const user = await this.users.findById(userId);
    if (!user) throw notFound(`User ${userId}`);
    return user;
  }

  private signedIn(user: PublicUser): AuthResult {
    return { user, token: this.tokens.issue(user) };
  }
}
