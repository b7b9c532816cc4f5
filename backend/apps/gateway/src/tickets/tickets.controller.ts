import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  checkInRequestSchema,
  eventIdParamsSchema,
  idSchema,
  parseContract,
  type BookingTickets,
  type CheckInCount,
  type CheckInResult,
  type PublicUser,
  type TicketPublicKey,
} from '@seatstorm/contracts';
import { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated, Roles } from '../auth/roles.decorator';
import { CheckInRateLimitGuard } from '../rate-limits/check-in-rate-limit.guard';
import { TicketsService } from './tickets.service';

const bookingParamsSchema = z.object({ id: idSchema });

/** Tickets of a booking, and the door: check-in, its running count, and the key scanners verify codes with. */
@Controller()
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get('bookings/:id/tickets')
  @Authenticated()
  list(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<BookingTickets> {
    return this.tickets.list(user, parseContract(bookingParamsSchema, params, 'path').id);
  }

  /** 200 on the first scan; 409 ALREADY_CHECKED_IN with the first scan's time on every later one. */
  @Post('check-in')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @UseGuards(CheckInRateLimitGuard)
  checkIn(@Body() body: unknown, @CurrentUser() user: PublicUser): Promise<CheckInResult> {
    return this.tickets.checkIn(user, parseContract(checkInRequestSchema, body, 'body'));
  }

  @Get('events/:eventId/check-ins')
  @Roles('staff', 'admin')
  count(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<CheckInCount> {
    return this.tickets.count(user, parseContract(eventIdParamsSchema, params, 'path').eventId);
  }

  @Get('tickets/public-key')
  publicKey(): TicketPublicKey {
    return this.tickets.publicKey();
  }
}
