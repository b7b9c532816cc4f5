import type { INestMicroservice } from '@nestjs/common';
import type { AppConfig } from '@seatstorm/config';
import { startRpcService } from '@seatstorm/kafka';
import { BookingModule } from './booking.module';

export function startBooking(config: AppConfig): Promise<INestMicroservice> {
  return startRpcService(BookingModule.forRoot(config), config, 'booking');
}
