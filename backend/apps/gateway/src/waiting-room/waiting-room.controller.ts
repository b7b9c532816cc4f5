import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { eventIdParamsSchema, parseContract, type PublicUser, type QueuePlace, type WaitingRoomStats } from '@seatstorm/contracts';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated } from '../auth/roles.decorator';
import { WaitingRoomService } from './waiting-room.service';

/** The waiting room over REST, for clients without a socket (docs/architecture.md §8). */
@Controller('events/:eventId/queue')
export class WaitingRoomController {
  constructor(private readonly rooms: WaitingRoomService) {}

  /** Takes the caller's place in the queue, or finds the one they have: one per account. */
  @Post()
  @Authenticated()
  @HttpCode(200)
  join(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<QueuePlace> {
    return this.rooms.join(user, parseContract(eventIdParamsSchema, params, 'path').eventId);
  }

  /** Where the caller is: waiting (with people ahead), admitted (with the pass), or not queued. */
  @Get()
  @Authenticated()
  find(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<QueuePlace> {
    return this.rooms.find(user, parseContract(eventIdParamsSchema, params, 'path').eventId);
  }

  /** Gives the place up; joining again goes to the back. */
  @Delete()
  @Authenticated()
  @HttpCode(204)
  async leave(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<void> {
    await this.rooms.leave(user, parseContract(eventIdParamsSchema, params, 'path').eventId);
  }

  /** The room's figures: anyone may read them, they name nobody. */
  @Get('stats')
  stats(@Param() params: unknown): Promise<WaitingRoomStats> {
    return this.rooms.stats(parseContract(eventIdParamsSchema, params, 'path').eventId);
  }
}
