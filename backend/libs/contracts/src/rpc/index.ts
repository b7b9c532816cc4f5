import type { z } from 'zod';
import { analyticsGetEventRpc } from '../analytics';
import { RpcPattern } from '../topics';
import { authGetUserRpc, authLoginRpc, authRegisterRpc } from './auth.rpc';
import {
  bookingCheckInRpc,
  bookingCountCheckInsRpc,
  bookingCountWaitingListRpc,
  bookingGetRpc,
  bookingGetWaitingListEntryRpc,
  bookingJoinWaitingListRpc,
  bookingLeaveWaitingListRpc,
  bookingListRpc,
  bookingListTicketsRpc,
} from './booking.rpc';
import {
  catalogCreateEventRpc,
  catalogGetEventRpc,
  catalogGetSeatsRpc,
  catalogGetSeatVersionRpc,
  catalogListEventsRpc,
  catalogListVenuesRpc,
  catalogUpdateEventRpc,
  catalogGetSaleSettingsRpc,
} from './catalog.rpc';
import { notificationListRpc } from './notification.rpc';
import type { RpcContract } from './rpc';

export * from './auth.rpc';
export * from './booking.rpc';
export * from './catalog.rpc';
export * from './notification.rpc';
export * from './rpc';

/** The one list of request-reply patterns: pattern → contract. */
export const RPCS = {
  [RpcPattern.CatalogListEvents]: catalogListEventsRpc,
  [RpcPattern.CatalogGetEvent]: catalogGetEventRpc,
  [RpcPattern.CatalogGetSeats]: catalogGetSeatsRpc,
  [RpcPattern.CatalogGetSeatVersion]: catalogGetSeatVersionRpc,
  [RpcPattern.CatalogCreateEvent]: catalogCreateEventRpc,
  [RpcPattern.CatalogUpdateEvent]: catalogUpdateEventRpc,
  [RpcPattern.CatalogGetSaleSettings]: catalogGetSaleSettingsRpc,
  [RpcPattern.CatalogListVenues]: catalogListVenuesRpc,
  [RpcPattern.AuthRegister]: authRegisterRpc,
  [RpcPattern.AuthLogin]: authLoginRpc,
  [RpcPattern.AuthGetUser]: authGetUserRpc,
  [RpcPattern.BookingGet]: bookingGetRpc,
  [RpcPattern.BookingList]: bookingListRpc,
  [RpcPattern.NotificationList]: notificationListRpc,
  [RpcPattern.AnalyticsGetEvent]: analyticsGetEventRpc,
  [RpcPattern.BookingListTickets]: bookingListTicketsRpc,
  [RpcPattern.BookingCheckIn]: bookingCheckInRpc,
  [RpcPattern.BookingCountCheckIns]: bookingCountCheckInsRpc,
  [RpcPattern.BookingJoinWaitingList]: bookingJoinWaitingListRpc,
  [RpcPattern.BookingGetWaitingListEntry]: bookingGetWaitingListEntryRpc,
  [RpcPattern.BookingLeaveWaitingList]: bookingLeaveWaitingListRpc,
  [RpcPattern.BookingCountWaitingList]: bookingCountWaitingListRpc,
} as const satisfies { [P in RpcPattern]: RpcContract<P> };

export type RpcRequest<P extends RpcPattern> = z.input<(typeof RPCS)[P]['request']>;
export type RpcResult<P extends RpcPattern> = z.output<(typeof RPCS)[P]['reply']>;
