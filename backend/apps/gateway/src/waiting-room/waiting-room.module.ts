import { Module } from '@nestjs/common';
import { RpcPattern } from '@seatstorm/contracts';
import { RpcClientModule } from '@seatstorm/kafka';
import { AdmissionPasses } from './admission-passes';
import { DecisionSignalRecorder } from './decision-signal';
import { RoomSettingsCache } from './room-settings';
import { WaitingRoomController } from './waiting-room.controller';
import { WaitingRoomGateway } from './waiting-room.gateway';
import { WaitingRoomService } from './waiting-room.service';
import { WaitingRoomStore } from './waiting-room.store';
import { WaitingRoomTicker } from './waiting-room.ticker';

/**
 * The virtual waiting room (docs/architecture.md §8). Exports what the hold
 * path needs: the pass check, and the recorder of how fast holds are decided.
 */
@Module({
  imports: [RpcClientModule.register([RpcPattern.CatalogGetSaleSettings])],
  controllers: [WaitingRoomController],
  providers: [WaitingRoomService, WaitingRoomStore, RoomSettingsCache, AdmissionPasses, DecisionSignalRecorder, WaitingRoomTicker, WaitingRoomGateway],
  exports: [WaitingRoomService, DecisionSignalRecorder],
})
export class WaitingRoomModule {}
