import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import { LoggingModule } from '@seatstorm/observability';
import { UsersModule } from './users/users.module';

/** Users, password hashes and token issue; answers over Kafka request-reply. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), DatabaseModule, UsersModule],
    };
  }
}
