import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { KafkaModule, RpcClientModule } from '@seatstorm/kafka';
import { AuthModule } from '../auth/auth.module';
import { BookingsModule } from '../bookings/bookings.module';
import { LabFeed } from './lab-feed.service';
import { LiveRelayConsumer } from './live-relay.consumer';
import { LiveRooms } from './live-rooms';
import { LiveService } from './live.service';
import { SeatsGateway } from './seats.gateway';
import { SocketActor } from './socket-actor';
import { SocketThrottle } from './socket-throttle';

/** Live seat maps, holds over the socket, personal events and the race lab (docs/architecture.md §5–§6). */
@Module({
  imports: [AuthModule, BookingsModule, KafkaModule.forService('gateway'), RpcClientModule.register([RpcPattern.CatalogGetSeatVersion])],
  providers: [SeatsGateway, LiveService, SocketActor, SocketThrottle, LiveRooms, LiveRelayConsumer, LabFeed],
})
export class LiveModule {}
