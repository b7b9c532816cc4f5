import { Injectable } from '@nestjs/common';
import { RpcPattern, type AuthResult, type LoginRequest, type PublicUser, type RegisterRequest } from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { RpcClient } from '@seatstorm/kafka';
import { KnownDevices } from './known-devices';

/** The gateway's view of the auth service: every answer comes from it over Kafka. */
@Injectable()
export class AuthService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly knownDevices: KnownDevices,
  ) {}

  /** A new account, signed in, with a device token for the device it was made on. */
  async register(request: RegisterRequest, correlationId?: string): Promise<AuthResult> {
    return this.onKnownDevice(await this.rpc.request(RpcPattern.AuthRegister, request, correlationId));
  }

  /** Signs in; the device token (its limit was the interceptor's business) stays here, and a new one comes back. */
  async login({ email, password }: LoginRequest, correlationId?: string): Promise<AuthResult> {
    return this.onKnownDevice(await this.rpc.request(RpcPattern.AuthLogin, { email, password }, correlationId));
  }

  /** The caller as the auth service knows them now; a valid token for a deleted account no longer counts. */
  async me(userId: string, correlationId?: string): Promise<PublicUser> {
    try {
      return await this.rpc.request(RpcPattern.AuthGetUser, { userId }, correlationId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        throw new DomainError('UNAUTHORIZED', 'Your account no longer exists. Please sign in again.');
      }
      throw error;
    }
  }

  private onKnownDevice(result: AuthResult): AuthResult {
    return { ...result, deviceToken: this.knownDevices.issue(result.user.email) };
  }
}
