import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res, UseGuards } from '@nestjs/common';
import {
  createBookingRequestSchema,
  idempotencyKeySchema,
  idSchema,
  listBookingsQuerySchema,
  parseContract,
  payRequestSchema,
  type Booking,
  type BookingPage,
  type PublicUser,
} from '@seatstorm/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser } from '../auth/current-user.decorator';
import { Authenticated } from '../auth/roles.decorator';
import { HoldRateLimitGuard } from '../rate-limits/hold-rate-limit.guard';
import { BookingsService, type Answer } from './bookings.service';

const bookingParamsSchema = z.object({ id: idSchema });

@Controller('bookings')
@Authenticated()
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /** 201 reserved; 409 SEAT_UNAVAILABLE naming the seats; 202 pending when the decision did not come in time. */
  @Post()
  @UseGuards(HoldRateLimitGuard)
  async create(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: PublicUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Booking> {
    const request = parseContract(createBookingRequestSchema, body, 'body');
    const key = idempotencyKey === undefined ? undefined : parseContract(idempotencyKeySchema, idempotencyKey, 'Idempotency-Key header');
    return answer(res, await this.bookings.hold(user, request, key), 201);
  }

  /** One page of the caller's bookings, newest first; 400 VALIDATION_FAILED for a bad limit, status or cursor. */
  @Get()
  list(@Query() query: unknown, @CurrentUser() user: PublicUser): Promise<BookingPage> {
    return this.bookings.list(user, parseContract(listBookingsQuerySchema, query, 'query'));
  }

  @Get(':id')
  get(@Param() params: unknown, @CurrentUser() user: PublicUser): Promise<Booking> {
    return this.bookings.get(user, parseContract(bookingParamsSchema, params, 'path').id);
  }

  /** 202: the payment runs; its outcome arrives as `booking.updated` and in GET /bookings/:id. */
  @Post(':id/pay')
  @HttpCode(202)
  pay(@Param() params: unknown, @Body() body: unknown, @CurrentUser() user: PublicUser): Promise<Booking> {
    const { id } = parseContract(bookingParamsSchema, params, 'path');
    const { card } = parseContract(payRequestSchema, body, 'body');
    return this.bookings.pay(user, id, card);
  }

  /** 200 with the hold's new expiry; 409 EXTENSION_LIMIT_REACHED when it may not be extended again; 202 while undecided. */
  @Post(':id/extend')
  async extend(@Param() params: unknown, @CurrentUser() user: PublicUser, @Res({ passthrough: true }) res: Response): Promise<Booking> {
    const { id } = parseContract(bookingParamsSchema, params, 'path');
    return answer(res, await this.bookings.extend(user, id), 200);
  }

  @Post(':id/cancel')
  cancelByPost(@Param() params: unknown, @CurrentUser() user: PublicUser, @Res({ passthrough: true }) res: Response): Promise<Booking> {
    return this.cancel(params, user, res);
  }

  @Put(':id/cancel')
  async cancel(@Param() params: unknown, @CurrentUser() user: PublicUser, @Res({ passthrough: true }) res: Response): Promise<Booking> {
    const { id } = parseContract(bookingParamsSchema, params, 'path');
    return answer(res, await this.bookings.cancel(user, id), 200);
  }
}

function answer(res: Response, { decided, body }: Answer<Booking>, decidedStatus: number): Booking {
  res.status(decided ? decidedStatus : 202);
  return body;
}
