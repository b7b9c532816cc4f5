// WARNING: topic names are the contract between services and with the
// broker's stored data. Never rename one. This is the only file that spells
// them; everything else refers to `Topic.*`.

/** Event and command topics (docs/architecture.md §6). */
export const Topic = {
  BookingCommands: 'booking.commands',
  BookingEvents: 'booking.events',
  SeatUpdated: 'seat.updated',
  PaymentRequests: 'payment.requests',
  PaymentEvents: 'payment.events',
  PaymentDlq: 'payment.dlq',
  NotificationCreated: 'notification.created',
  BookingDlq: 'booking.dlq',
  AnalyticsUpdated: 'analytics.updated',
} as const;
export type Topic = (typeof Topic)[keyof typeof Topic];

/** Request-reply patterns; each has a reply topic `<pattern>.reply`. */
export const RpcPattern = {
  CatalogListEvents: 'catalog.list-events',
  CatalogGetEvent: 'catalog.get-event',
  CatalogGetSeats: 'catalog.get-seats',
  CatalogGetSeatVersion: 'catalog.get-seat-version',
  CatalogCreateEvent: 'catalog.create-event',
  CatalogUpdateEvent: 'catalog.update-event',
  CatalogGetSaleSettings: 'catalog.get-sale-settings',
  CatalogListVenues: 'catalog.list-venues',
  AuthRegister: 'auth.register',
  AuthLogin: 'auth.login',
  AuthGetUser: 'auth.get-user',
  BookingGet: 'booking.get',
  BookingList: 'booking.list',
  NotificationList: 'notification.list',
  AnalyticsGetEvent: 'analytics.get-event',
  BookingListTickets: 'booking.list-tickets',
  BookingCheckIn: 'booking.check-in',
  BookingCountCheckIns: 'booking.count-check-ins',
  BookingJoinWaitingList: 'booking.join-waiting-list',
  BookingGetWaitingListEntry: 'booking.get-waiting-list-entry',
  BookingLeaveWaitingList: 'booking.leave-waiting-list',
  BookingCountWaitingList: 'booking.count-waiting-list',
} as const;
export type RpcPattern = (typeof RpcPattern)[keyof typeof RpcPattern];

/** The reply topic of a request-reply pattern (the convention of @nestjs/microservices). */
export function replyTopicOf(pattern: RpcPattern): `${RpcPattern}.reply` {
  return `${pattern}.reply`;
}

/** Partition counts the broker is provisioned with. */
export const TOPIC_PARTITIONS: Record<Topic, number> = {
  [Topic.BookingCommands]: 12,
  [Topic.BookingEvents]: 12,
  [Topic.SeatUpdated]: 12,
  [Topic.PaymentRequests]: 6,
  [Topic.PaymentEvents]: 6,
  [Topic.PaymentDlq]: 3,
  [Topic.NotificationCreated]: 6,
  [Topic.BookingDlq]: 3,
  [Topic.AnalyticsUpdated]: 6,
};
/** Requests and replies: a reply topic needs at least as many partitions as client instances in one group. */
export const RPC_PARTITIONS = 6;

/**
 * Replies can be large (the 50,000-seat snapshot is several MB of JSON before
 * compression), so reply topics accept messages up to 16 MiB.
 */
export const RPC_REPLY_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Register and login requests carry passwords, and their replies carry tokens:
 * the broker drops them within minutes (one-minute segments, deleted a minute
 * after they close, at the broker's next retention check) instead of keeping
 * them for days like the other topics.
 */
const SHORT_LIVED_CONFIGS = { 'retention.ms': '60000', 'segment.ms': '60000' } as const;
export const SHORT_LIVED_RPCS: readonly RpcPattern[] = [RpcPattern.AuthRegister, RpcPattern.AuthLogin];

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Topic-level broker configs, e.g. `max.message.bytes`. */
  configs?: Record<string, string>;
}

/** Every topic the system uses, for provisioning the broker up front. */
export function allTopicSpecs(): TopicSpec[] {
  const events = Object.values(Topic).map((name) => ({ name, partitions: TOPIC_PARTITIONS[name] }));
  const rpc = Object.values(RpcPattern).flatMap((pattern) => {
    const retention = SHORT_LIVED_RPCS.includes(pattern) ? SHORT_LIVED_CONFIGS : undefined;
    return [
      { name: pattern, partitions: RPC_PARTITIONS, configs: retention && { ...retention } },
      {
        name: replyTopicOf(pattern),
        partitions: RPC_PARTITIONS,
        configs: { 'max.message.bytes': String(RPC_REPLY_MAX_BYTES), ...retention },
      },
    ];
  });
  return [...events, ...rpc];
}
