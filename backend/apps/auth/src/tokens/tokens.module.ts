import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import { JWT_ALGORITHM, JWT_ISSUER } from '@seatstorm/contracts';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object made once: given the string, jsonwebtoken builds one for every token it signs.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, expiresIn: config.JWT_TTL },
      }),
    }),
  ],
  providers: [TokensService],
  exports: [TokensService],
})
export class TokensModule {}
