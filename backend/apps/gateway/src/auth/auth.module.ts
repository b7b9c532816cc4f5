import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { JWT_ALGORITHM, JWT_ISSUER, RpcPattern } from '@seatstorm/contracts';
import { RpcClientModule } from '@seatstorm/kafka';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DisplayNames } from './display-names';
import { KnownDevices } from './known-devices';
import { TokenVerifier } from './token-verifier.service';

/**
 * Sign-up and sign-in through the auth service (with device tokens that keep
 * an account's owner from being locked out), and token checks on this
 * instance for every route marked `@Authenticated()` or `@Roles(…)`.
 * Exports TokenVerifier for the socket gateway's handshake, and the display
 * names the verified tokens brought, for the race lab.
 */
@Module({
  imports: [
    RpcClientModule.register([RpcPattern.AuthRegister, RpcPattern.AuthLogin, RpcPattern.AuthGetUser]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given the string, jsonwebtoken builds one for every token it checks.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokenVerifier, DisplayNames, KnownDevices, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier, DisplayNames],
})
export class AuthModule {}
