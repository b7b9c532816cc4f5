import type { INestMicroservice } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { startRpcService } from '@seatstorm/kafka';
import { AuthModule } from './auth.module';

export function startAuth(config: AppConfig): Promise<INestMicroservice> {
  return startRpcService(AuthModule.forRoot(config), config, 'auth');
}
