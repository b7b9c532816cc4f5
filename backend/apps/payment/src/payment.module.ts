import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@seatstorm/config';
import { DatabaseModule } from '@seatstorm/database';
import { LoggingModule } from '@seatstorm/observability';
import { PaymentsModule } from './payments/payments.module';

/** Charges and refunds through the simulated card provider, with retries and a dead-letter topic. */
@Module({})
export class PaymentModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PaymentModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(config), DatabaseModule, PaymentsModule],
    };
  }
}
