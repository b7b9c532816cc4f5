import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@seatstorm/config';
import {
  bookingCommands,
  bookingOfEvent,
  newId,
  RpcPattern,
  seatsAskedFor,
  simulatedCardToken,
  Topic,
  type Booking,
  type BookingCommand,
  type BookingPage,
  type BookingEvent,
  type CreateBookingRequest,
  type ListBookingsQuery,
  type PublicUser,
} from '@seatstorm/contracts';
import { DomainError } from '@seatstorm/errors';
import { MessageProducer, RpcClient } from '@seatstorm/kafka';
import { DecisionSignalRecorder } from '../waiting-room/decision-signal';
import { WaitingRoomService } from '../waiting-room/waiting-room.service';
import { DecisionWaiter } from './decision-waiter';
import { commandIdForKey, PendingHoldsStore, type PendingHold } from './pending-holds.store';

/** An answer that says whether the decision came in time: 201/200 when it did, 202 while it is pending. */
export interface Answer<T> {
  decided: boolean;
  body: T;
}

/**
 * The gateway's side of bookings: every change is a command on
 * `Topic.BookingCommands` keyed by event, decided by the booking service; the
 * request waits a bounded time for that decision (docs/architecture.md §4, §6).
 */
@Injectable()
export class BookingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly producer: MessageProducer,
    private readonly decisions: DecisionWaiter,
    private readonly pending: PendingHoldsStore,
    private readonly rpc: RpcClient,
    private readonly waitingRoom: WaitingRoomService,
    private readonly decisionSignal: DecisionSignalRecorder,
  ) {}

  async hold(user: PublicUser, request: CreateBookingRequest, idempotencyKey?: string): Promise<Answer<Booking>> {
    // Refused here, before anything is stored or sent: the booking core would only refuse it later.
    if (seatsAskedFor(request) > this.config.MAX_SEATS_PER_BOOKING) {
      throw new DomainError('VALIDATION_FAILED', `At most ${this.config.MAX_SEATS_PER_BOOKING} seats can be held in one booking.`, {
        field: request.best ? 'best.count' : request.ga ? 'ga.quantity' : 'seatIds',
        maxSeatsPerBooking: this.config.MAX_SEATS_PER_BOOKING,
      });
    }
    const admitted = this.waitingRoom.admitted(user, request.eventId, request.admissionPass);
    const fresh: PendingHold = {
      bookingId: newId('bkg'),
      commandId: idempotencyKey ? commandIdForKey(user.id, idempotencyKey) : newId('hold'),
      eventId: request.eventId,
      userId: user.id,
      seatIds: request.seatIds ?? [],
      ...(request.best ? { best: request.best } : {}),
      ...(request.ga ? { ga: request.ga } : {}),
      requestedAt: new Date().toISOString(),
    };
    const earlier = idempotencyKey ? await this.pending.claimIdempotencyKey(user.id, idempotencyKey, fresh) : undefined;
    if (earlier && (earlier.eventId !== request.eventId || !sameSeatChoice(earlier, fresh))) {
      throw new DomainError('CONFLICT', 'This Idempotency-Key was already used for a different request.');
    }
    const hold = earlier ?? fresh;
    const issuedAt = new Date();
    const command = bookingCommands.hold(
      {
        commandId: hold.commandId,
        eventId: hold.eventId,
        bookingId: hold.bookingId,
        userId: user.id,
        seatIds: hold.seatIds,
        ...(hold.best ? { best: hold.best } : {}),
        ...(hold.ga ? { ga: hold.ga } : {}),
        ...(admitted ? { admitted } : {}),
      },
      this.config.HOLD_REQUEST_DEADLINE * 1000,
      issuedAt,
    );
    const decision = await this.send(command);
    this.decisionSignal.observe(Date.now() - issuedAt.getTime());
    if (!decision) {
      // The booking id reaches the client in this answer, so only a hold answered 202 can be asked
      // about before it is decided: its record is written now, not before every send. Should Redis
      // fail here, the client gets the error and a retry with its Idempotency-Key repeats the command.
      await this.pending.rememberPending(hold, this.config.HOLD_REQUEST_DEADLINE + 60);
      return { decided: false, body: pendingBooking(hold) };
    }
    if (decision.errorCode && decision.status !== 'reserved') throw rejection(decision);
    // A replayed key is answered from the decision too: the event carries the whole booking.
    return { decided: true, body: bookingOfEvent(decision) };
  }

  /** Starts paying: 202 once the booking service accepted it; the outcome arrives as `booking.updated`. */
  async pay(user: PublicUser, bookingId: string, cardNumber: string): Promise<Booking> {
    const booking = await this.decidedBooking(user, bookingId);
    const decision = await this.send(
      bookingCommands.pay({ eventId: booking.eventId, bookingId, userId: user.id, paymentId: newId('pay'), cardToken: simulatedCardToken(cardNumber) }),
    );
    if (decision?.errorCode) throw rejection(decision);
    return decision ? bookingOfEvent(decision) : booking;
  }

  async cancel(user: PublicUser, bookingId: string): Promise<Answer<Booking>> {
    const booking = await this.decidedBooking(user, bookingId);
    const decision = await this.send(bookingCommands.cancel({ eventId: booking.eventId, bookingId, userId: user.id }));
    if (decision?.errorCode) throw rejection(decision);
    return decision ? { decided: true, body: bookingOfEvent(decision) } : { decided: false, body: booking };
  }

  /** More time for the caller's hold: 200 with the new `expiresAt`, which every tab also gets as `booking.updated`. */
  async extend(user: PublicUser, bookingId: string): Promise<Answer<Booking>> {
    const booking = await this.decidedBooking(user, bookingId);
    const decision = await this.send(bookingCommands.extend({ eventId: booking.eventId, bookingId, userId: user.id }, booking.extensionsLeft));
    if (decision?.errorCode) throw rejection(decision);
    return decision ? { decided: true, body: bookingOfEvent(decision) } : { decided: false, body: booking };
  }

  async get(user: PublicUser, bookingId: string): Promise<Booking> {
    try {
      return await this.rpc.request(RpcPattern.BookingGet, { bookingId, userId: user.id, role: user.role });
    } catch (error) {
      // Not decided yet (or the booking service is away): the hold command may still wait in Kafka.
      if (!(error instanceof DomainError && (error.code === 'NOT_FOUND' || error.code === 'SERVICE_UNAVAILABLE'))) throw error;
      const pending = await this.pending.findPending(bookingId);
      if (pending && pending.userId === user.id) return pendingBooking(pending);
      throw error;
    }
  }

  /** The caller's own bookings, a page at a time: holds still pending in Kafka are not listed. */
  list(user: PublicUser, { limit, cursor, eventId, status }: ListBookingsQuery): Promise<BookingPage> {
    return this.rpc.request(RpcPattern.BookingList, { userId: user.id, role: user.role, limit, after: cursor, eventId, status });
  }

  private async decidedBooking(user: PublicUser, bookingId: string): Promise<Booking> {
    const booking = await this.get(user, bookingId);
    if (booking.status === 'pending') {
      throw new DomainError('INVALID_STATE', 'This hold is still being decided; try again in a moment.');
    }
    return booking;
  }

  /** Publishes a command and waits, bounded, for its decision. */
  private async send(command: BookingCommand): Promise<BookingEvent | undefined> {
    const decision = this.decisions.expect(command.commandId, this.config.HOLD_DECISION_WAIT_MS);
    await this.producer.publish(Topic.BookingCommands, [command]);
    return decision;
  }
}

function pendingBooking(hold: PendingHold): Booking {
  return {
    id: hold.bookingId,
    eventId: hold.eventId,
    userId: hold.userId,
    status: 'pending',
    seatIds: hold.seatIds,
    amount: 0,
    expiresAt: null,
    reason: 'Waiting for the booking service to decide.',
    failureCode: null,
    extensionsLeft: 0,
    createdAt: hold.requestedAt,
    updatedAt: hold.requestedAt,
  };
}

/** Whether a retry under one Idempotency-Key asks for the same seats (named or best available) and standing places as the first request did. */
function sameSeatChoice(earlier: PendingHold, retry: PendingHold): boolean {
  return (
    earlier.seatIds.join() === retry.seatIds.join() &&
    JSON.stringify(earlier.best ?? null) === JSON.stringify(retry.best ?? null) &&
    JSON.stringify(earlier.ga ?? null) === JSON.stringify(retry.ga ?? null)
  );
}

/** A refused command as the caller's error: its stable code, reason, and the seats it lost. */
function rejection(decision: BookingEvent): DomainError {
  return new DomainError(decision.errorCode ?? 'CONFLICT', decision.reason ?? 'The request was refused.', {
    bookingId: decision.bookingId,
    status: decision.status,
    ...(decision.unavailableSeatIds ? { seatIds: decision.unavailableSeatIds } : {}),
  });
}
