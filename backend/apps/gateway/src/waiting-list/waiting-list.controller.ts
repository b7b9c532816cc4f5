import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { eventIdParamsSchema, joinWaitingListSchema, parseContract, type PublicUser, type WaitingListCount, type WaitingListEntry } from '@seatstorm/contracts';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, Roles } from '../auth/roles.decorator';
import { WaitingListService } from './waiting-list.service';

/** The waiting list of a sold-out event (docs/architecture.md §14): join, see one's place or offer, leave. */
@Controller('events/:eventId/waiting-list')
export class WaitingListController {
  constructor(private readonly waitingList: WaitingListService) {}

  /** 201 with the caller's place; 409 NOT_SOLD_OUT while seats are on sale, 409 CONFLICT when already in line. */
  @Post()
  @Authenticated()
  join(@Param() params: unknown, @Body() body: unknown, @CurrentUser() user: PublicUser): Promise<WaitingListEntry> {
    const { eventId } = parseContract(eventIdParamsSchema, params, 'path');
    return this.waitingList.join(user, eventId, parseContract(joinWaitingListSchema, body, 'body'));
  }

  /** The caller's place in line, or the offer it came to (or what became of it). */
  @Get('me')
  @Authenticated()
  mine(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<WaitingListEntry> {
    return this.waitingList.mine(user, parseContract(eventIdParamsSchema, params, 'path').eventId);
  }

  /** Steps out of line: 200 with the entry, now `left`. */
  @Delete('me')
  @Authenticated()
  leave(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<WaitingListEntry> {
    return this.waitingList.leave(user, parseContract(eventIdParamsSchema, params, 'path').eventId);
  }

  /** How many are waiting. */
  @Get()
  @Roles('admin')
  count(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<WaitingListCount> {
    return this.waitingList.count(user, parseContract(eventIdParamsSchema, params, 'path').eventId);
  }
}
