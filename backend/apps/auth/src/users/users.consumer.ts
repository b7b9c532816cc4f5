import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { authGetUserRpc, authLoginRpc, authRegisterRpc, parseContract, type AuthResult, type PublicUser } from '@seatstorm/contracts';
import { RpcHandler } from '@seatstorm/kafka';
import { UsersService } from './users.service';

/** The auth service's request-reply edge on Kafka. */
@Controller()
export class UsersConsumer {
  constructor(private readonly users: UsersService) {}

  @RpcHandler(authRegisterRpc)
  register(@Payload() payload: unknown): Promise<AuthResult> {
    return this.users.register(parseContract(authRegisterRpc.request, payload, 'request'));
  }

  @RpcHandler(authLoginRpc)
  login(@Payload() payload: unknown): Promise<AuthResult> {
    return this.users.login(parseContract(authLoginRpc.request, payload, 'request'));
  }

  @RpcHandler(authGetUserRpc)
  get(@Payload() payload: unknown): Promise<PublicUser> {
    const { userId } = parseContract(authGetUserRpc.request, payload, 'request');
    return this.users.get(userId);
  }
}
