'use client';

import { startTransition, useCallback, useEffect, useMemo, useReducer, useRef, useState, type Dispatch } from 'react';
import {
  BOOKINGS_PAGE_MAX,
  bookingSchema,
  errorBodySchema,
  SocketEvent,
  type BestAvailable,
  type StandingRequest,
  type Booking,
  type BookingStatus,
  type BookingUpdated,
  type CreateBookingRequest,
  type EventSummary,
  type LabDecision,
  type Notification,
  type WaitingListEntry,
} from '@seatstorm/contracts';
import { ApiError, cancelBooking, createBooking, getBooking, getWaitingListEntry, GatewayUnreachableError, listBookings, type ApiAnswer } from './api';
import { appendPage, mergeFirstPage, replaceBooking } from './booking-pages';
import { withUpdate } from './booking-update';
import { connectSeatMapFeed } from './live-binding';
import { WORKER_MIN_SEATS } from './seat-map/seat-feed';
import { initialSeatMapState, seatMapReducer, type SeatMapAction, type SeatMapState, type SelectionMode } from './seat-map/seat-map-state';
import { acquireSocket, type GatewaySocket } from './socket';

/**
 * The one place the pages learn about live changes. Pages use these hooks;
 * how changes arrive — the gateway socket with SeatMapSync for seats, and
 * `booking.updated` / `notification` for personal events — stays in here.
 */
export interface LiveSeatMap {
  state: SeatMapState;
  dispatch: Dispatch<SeatMapAction>;
  /** Holds seats for the signed-in person (idempotent by key); answers like POST /bookings. */
  hold(token: string, choice: SeatChoice, idempotencyKey: string): Promise<ApiAnswer<Booking>>;
}

/**
 * The seats a hold asks for: the ones picked on the map, with standing places of an area beside them or
 * alone (§15), or the best `count` together, which the booking core picks (§4.8).
 */
export type SeatChoice = { seatIds: readonly string[]; ga?: StandingRequest } | { best: BestAvailable };

/** How long a socket request may take before its answer counts as lost; a hold's key then retries safely over REST. */
const SOCKET_ANSWER_TIMEOUT_MS = 10_000;

/**
 * One request over the socket, settled by its ack: an error body rejects as the ApiError REST
 * would throw, no answer in time as an unreachable gateway; anything else is `parse`d.
 */
function askOverSocket<T>(what: string, send: (ack: (reply: unknown) => void) => void, parse: (reply: unknown) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new GatewayUnreachableError(`${what} was not answered in time`)), SOCKET_ANSWER_TIMEOUT_MS);
    send((reply) => {
      clearTimeout(timer);
      const error = errorBodySchema.safeParse(reply);
      if (error.success) {
        const { statusCode, error: code, message, details, correlationId } = error.data;
        reject(new ApiError(statusCode, code, message, details, correlationId));
        return;
      }
      try {
        resolve(parse(reply));
      } catch (cause) {
        reject(cause);
      }
    });
  });
}

function holdAnswer(reply: unknown): ApiAnswer<Booking> {
  const booking = bookingSchema.safeParse(reply);
  if (!booking.success) throw new ApiError(500, 'INTERNAL_ERROR', 'The hold answer did not match the contract.');
  return { status: booking.data.status === 'pending' ? 202 : 201, data: booking.data };
}

/**
 * The socket fast path for a hold: the same answer as POST /bookings,
 * without a new HTTP request. Falls back to REST while the socket is down.
 */
function holdOverSocket(socket: GatewaySocket, token: string, request: CreateBookingRequest, idempotencyKey: string): Promise<ApiAnswer<Booking>> {
  if (!socket.connected) return createBooking(token, request, idempotencyKey);
  return askOverSocket('the hold', (ack) => socket.emit(SocketEvent.Hold, { ...request, idempotencyKey }, ack), holdAnswer);
}

/**
 * Lets the signed-in person's hold go, as POST /bookings/:id/cancel does: over the socket the
 * seat map already has open, over REST while it is down. A release still in line (`pending`) is
 * decided before any later hold of the event, which goes through the same queue.
 */
export async function releaseHold(token: string, bookingId: string): Promise<void> {
  const lease = acquireSocket(token);
  try {
    const { socket } = lease;
    if (socket.connected)
      await askOverSocket(
        'the release',
        (ack) => socket.emit(SocketEvent.Release, { bookingId }, ack),
        () => undefined,
      );
    else await cancelBooking(token, bookingId);
  } finally {
    lease.release();
  }
}

/**
 * An event's seat map, kept equal to the database through the gateway socket.
 * Holds carry the waiting room's admission pass when the event has one.
 */
export function useLiveSeatMap(
  event: Pick<EventSummary, 'id' | 'maxSeatsPerBooking' | 'seatsTotal'>,
  token: string | null,
  mode: SelectionMode = 'buyer',
  admissionPass?: string,
): LiveSeatMap {
  const eventId = event.id;
  const inWorker = event.seatsTotal > WORKER_MIN_SEATS;
  const [state, dispatch] = useReducer(seatMapReducer, mode, (mode) => initialSeatMapState(mode, event.maxSeatsPerBooking));
  const socketRef = useRef<GatewaySocket | null>(null);

  useEffect(() => {
    const lease = acquireSocket(token);
    socketRef.current = lease.socket;
    // A new snapshot can bring the whole map (and, for a stadium, 50,000 seats' worth of state) at once: React
    // renders it in the background, a few milliseconds per task; live changes stay immediate.
    const feedDispatch = (action: SeatMapAction) => (action.type === 'loaded' ? startTransition(() => dispatch(action)) : dispatch(action));
    const stop = connectSeatMapFeed({ socket: lease.socket, eventId, dispatch: feedDispatch, inWorker });
    return () => {
      stop();
      lease.release();
      socketRef.current = null;
    };
  }, [eventId, token, inWorker]);

  const hold = useCallback(
    (holder: string, choice: SeatChoice, idempotencyKey: string) => {
      const socket = socketRef.current;
      const seats =
        'best' in choice
          ? { best: choice.best }
          : { ...(choice.seatIds.length > 0 || !choice.ga ? { seatIds: [...choice.seatIds] } : {}), ...(choice.ga ? { ga: choice.ga } : {}) };
      const request: CreateBookingRequest = { eventId, ...seats, ...(admissionPass ? { admissionPass } : {}) };
      return socket ? holdOverSocket(socket, holder, request, idempotencyKey) : createBooking(holder, request, idempotencyKey);
    },
    [eventId, admissionPass],
  );

  return { state, dispatch, hold };
}

/** Calls `listener` for every `booking.updated` pushed to this person's sockets. */
function useBookingUpdates(token: string | null, listener: (update: BookingUpdated) => void): boolean {
  const [connected, setConnected] = useState(false);
  const listenerRef = useRef(listener);
  listenerRef.current = listener;
  useEffect(() => {
    if (!token) return;
    const lease = acquireSocket(token);
    const onUpdate = (update: BookingUpdated) => listenerRef.current(update);
    const onConnection = () => setConnected(lease.socket.connected);
    lease.socket.on(SocketEvent.BookingUpdated, onUpdate);
    lease.socket.on('connect', onConnection);
    lease.socket.on('disconnect', onConnection);
    onConnection();
    return () => {
      lease.socket.off(SocketEvent.BookingUpdated, onUpdate);
      lease.socket.off('connect', onConnection);
      lease.socket.off('disconnect', onConnection);
      lease.release();
    };
  }, [token]);
  return connected;
}

interface PolledResource<T> {
  data: T | null;
  error: unknown;
  /** Fetches now, e.g. right after this page changed something. */
  refresh(): void;
  /** Shows what this page just changed, as the gateway answered it, until the next fetch. */
  changed(data: T): void;
}

/** Bookings change on their own (payment outcomes, expiry): the socket says when; polling is the safety net. */
const POLL_MS_WITH_SOCKET = 15_000;

/**
 * Something of the signed-in person's, fetched again whenever one of their bookings changes.
 * `applyPush` shows what a `booking.updated` says at once (a new expiry, say), before the fetch
 * it starts answers.
 */
function useLiveResource<T>(
  token: string | null,
  load: ((signal: AbortSignal) => Promise<T>) | null,
  pollMs: number,
  applyPush?: (data: T, update: BookingUpdated) => T,
): PolledResource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const wakeRef = useRef<() => void>(() => undefined);
  const applyRef = useRef(applyPush);
  applyRef.current = applyPush;
  const connected = useBookingUpdates(token, (update) => {
    const apply = applyRef.current;
    if (apply) setData((shown) => (shown === null ? shown : apply(shown, update)));
    wakeRef.current();
  });
  const everyMs = connected ? Math.max(pollMs, POLL_MS_WITH_SOCKET) : pollMs;

  // A different resource starts empty; a change of polling pace keeps what is shown.
  useEffect(() => {
    setData(null);
    setError(null);
  }, [load]);

  useEffect(() => {
    if (!load) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const tick = async () => {
      clearTimeout(timer);
      controller?.abort();
      controller = new AbortController();
      try {
        const next = await load(controller.signal);
        if (stopped) return;
        setData(next);
        setError(null);
      } catch (cause) {
        if (stopped || controller.signal.aborted) return;
        setError(cause);
      }
      timer = setTimeout(tick, everyMs);
    };
    wakeRef.current = () => void tick();
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
    };
  }, [load, everyMs]);

  const refresh = useCallback(() => wakeRef.current(), []);
  return { data, error, refresh, changed: setData };
}

/** Bookings that hold seats. */
const HOLDING_STATUSES: readonly BookingStatus[] = ['reserved', 'paid', 'confirmed'];

/**
 * The signed-in person's bookings that hold seats at one event, kept current. One page
 * holds them all: each holds a seat at least, and no event lets one buyer hold more
 * seats than a page holds bookings.
 */
export function useMyBookings(token: string | null, eventId: string): PolledResource<Booking[]> {
  const load = useMemo(
    () =>
      token ? async (signal: AbortSignal) => (await listBookings(token, { eventId, status: HOLDING_STATUSES, limit: BOOKINGS_PAGE_MAX }, signal)).items : null,
    [token, eventId],
  );
  return useLiveResource(token, load, 3_000, updateInList);
}

function updateInList(list: Booking[], update: BookingUpdated): Booking[] {
  return list.some((booking) => booking.id === update.bookingId) ? list.map((booking) => withUpdate(booking, update)) : list;
}

/**
 * The signed-in person's place on an event's waiting list (null: not on it), fetched again
 * whenever one of their bookings changes: an offer arrives as the `booking.updated` of the
 * booking made for them (docs/architecture.md §14).
 */
export function useWaitingListEntry(token: string | null, eventId: string): PolledResource<WaitingListEntry | null> {
  const load = useMemo(() => (token ? (signal: AbortSignal) => getWaitingListEntry(token, eventId, signal) : null), [token, eventId]);
  return useLiveResource(token, load, 10_000);
}

/** Bookings a page of My bookings shows, and each "Show more" adds. */
const MY_BOOKINGS_PAGE = 20;

export interface BookingPages {
  /** Newest first; null until the first page arrived. */
  bookings: Booking[] | null;
  /** Why the first page could not be fetched (it keeps being retried). */
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last "Show more" failed, until the next one. */
  moreError: unknown;
  /** Fetches the next page; answers the bookings it added. */
  loadMore(): Promise<Booking[]>;
  /** Shows a booking as this page just changed it, and fetches the first page again. */
  changed(booking: Booking): void;
}

/**
 * The signed-in person's bookings (of some statuses, or all), a page at a time. The
 * first page is kept current as bookings change; older pages come with `loadMore`.
 */
export function useBookingPages(token: string | null, status: readonly BookingStatus[] | undefined): BookingPages {
  const statusKey = status?.join(',') ?? '';
  const load = useMemo(() => {
    if (!token) return null;
    const filter = statusKey ? (statusKey.split(',') as BookingStatus[]) : undefined;
    return (signal: AbortSignal, cursor?: string) => listBookings(token, { limit: MY_BOOKINGS_PAGE, status: filter, cursor }, signal);
  }, [token, statusKey]);
  const first = useLiveResource(token, load, 3_000);
  const [bookings, setBookings] = useState<Booking[] | null>(null);
  // The cursor after the oldest page "Show more" loaded; absent until it loaded one.
  const [tail, setTail] = useState<{ cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const current = useRef(load);
  current.current = load;
  const shown = useRef(bookings);
  shown.current = bookings;

  // Another person or filter starts from nothing.
  useEffect(() => {
    setBookings(null);
    setTail(null);
    setLoadingMore(false);
    setMoreError(null);
  }, [load]);

  useEffect(() => {
    const page = first.data;
    if (page) setBookings((list) => mergeFirstPage(list ?? [], page));
  }, [first.data]);

  const cursor = tail ? tail.cursor : (first.data?.nextCursor ?? null);
  const loadMore = useCallback(async (): Promise<Booking[]> => {
    if (!load || !cursor) return [];
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await load(new AbortController().signal, cursor);
      // Answers for a filter no longer shown are dropped.
      if (current.current !== load) return [];
      const known = new Set(shown.current?.map((booking) => booking.id));
      setBookings((list) => appendPage(list ?? [], page));
      setTail({ cursor: page.nextCursor });
      return page.items.filter((booking) => !known.has(booking.id));
    } catch (cause) {
      if (current.current === load) setMoreError(cause);
      return [];
    } finally {
      if (current.current === load) setLoadingMore(false);
    }
  }, [load, cursor]);

  const { refresh } = first;
  const changed = useCallback(
    (booking: Booking) => {
      setBookings((list) => (list ? replaceBooking(list, booking) : list));
      refresh();
    },
    [refresh],
  );

  return { bookings, error: first.error, hasMore: cursor !== null, loadingMore, moreError, loadMore, changed };
}

/**
 * One booking of the signed-in person, kept current: checkout watches its payment this way, and
 * its countdown follows a new expiry pushed by whichever tab asked for more time.
 */
export function useBooking(token: string | null, bookingId: string): PolledResource<Booking> {
  const load = useMemo(() => (token ? (signal: AbortSignal) => getBooking(token, bookingId, signal) : null), [token, bookingId]);
  return useLiveResource(token, load, 2_000, withUpdate);
}

/** Notifications pushed to this person while the page is open, newest first. */
export function useNotifications(token: string | null): Notification[] {
  const [notifications, setNotifications] = useState<Notification[]>([]);
  useEffect(() => {
    setNotifications([]);
    if (!token) return;
    const lease = acquireSocket(token);
    const onNotification = (notification: Notification) =>
      setNotifications((list) => (list.some((n) => n.notificationId === notification.notificationId) ? list : [notification, ...list]));
    lease.socket.on(SocketEvent.Notification, onNotification);
    return () => {
      lease.socket.off(SocketEvent.Notification, onNotification);
      lease.release();
    };
  }, [token]);
  return notifications;
}

/** The race lab's feed: every decision on this event's seats, as the booking core made them. */
export function useLabFeed(eventId: string): { decisions: LabDecision[]; clear(): void } {
  const [decisions, setDecisions] = useState<LabDecision[]>([]);
  useEffect(() => {
    // The feed is read-only: an anonymous watcher's socket is enough.
    const lease = acquireSocket(null);
    const join = () => lease.socket.emit(SocketEvent.LabSubscribe, { eventId }, () => undefined);
    const onDecision = (decision: LabDecision) => {
      if (decision.eventId === eventId) setDecisions((list) => [decision, ...list].slice(0, LAB_FEED_MAX));
    };
    lease.socket.on(SocketEvent.LabDecision, onDecision);
    // Rooms do not survive a reconnect: join again on every connect.
    lease.socket.on('connect', join);
    if (lease.socket.connected) join();
    return () => {
      lease.socket.off(SocketEvent.LabDecision, onDecision);
      lease.socket.off('connect', join);
      if (lease.socket.connected) lease.socket.emit(SocketEvent.LabUnsubscribe, { eventId });
      lease.release();
    };
  }, [eventId]);
  return { decisions, clear: useCallback(() => setDecisions([]), []) };
}

const LAB_FEED_MAX = 200;
