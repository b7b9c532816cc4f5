'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import {
  aheadNow,
  errorBodySchema,
  estimatedWaitSeconds,
  queuePlaceSchema,
  SocketEvent,
  type QueueAdmitted,
  type QueuePlace,
  type WaitingRoomStats,
} from '@seatstorm/contracts';
import { ApiError, joinQueue, leaveQueue } from './api';
import type { Session } from './session-cookie';
import { acquireSocket, type GatewaySocket } from './socket';

/** Without a socket, the page asks over REST this often. */
const POLL_MS = 5_000;
/** When the room opens, every page asks for its place: spread over this long, not all in one millisecond. */
const OPENING_SPREAD_MS = 2_000;

export type WaitingRoomView =
  | { kind: 'joining' }
  | {
      kind: 'waiting';
      place: Extract<QueuePlace, { status: 'waiting' }>;
      room: WaitingRoomStats;
      ahead: number | null;
      firstAhead: number | null;
      waitSeconds: number | null;
    }
  | { kind: 'left'; room: WaitingRoomStats | null }
  | { kind: 'unavailable'; message: string }
  | { kind: 'error'; message: string };

/**
 * One buyer's place in an event's waiting room, kept live: joins over the
 * socket (REST while it is down), follows the room's `queue.updated` ticks to
 * count the people ahead down, and calls `onAdmitted` with the pass the moment
 * the buyer is let in (or `onRoomClosed` when the organiser turns the room off).
 */
export function useWaitingRoom(
  eventId: string,
  session: Session,
  handlers: { onAdmitted(admission: QueueAdmitted): void; onRoomClosed(): void },
): { view: WaitingRoomView; leave(): void; rejoin(): void } {
  const [place, setPlace] = useState<Extract<QueuePlace, { status: 'waiting' }> | null>(null);
  const [room, setRoom] = useState<WaitingRoomStats | null>(null);
  const [problem, setProblem] = useState<{ kind: 'unavailable' | 'error'; message: string } | null>(null);
  const [left, setLeft] = useState(false);
  const firstAhead = useRef<number | null>(null);
  const socketRef = useRef<GatewaySocket | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const leftRef = useRef(false);
  const placeRef = useRef(place);
  placeRef.current = place;

  const accept = useCallback((answer: QueuePlace) => {
    setProblem(null);
    setRoom(answer.room);
    if (!answer.room.enabled) return handlersRef.current.onRoomClosed();
    if (answer.status === 'admitted') {
      return handlersRef.current.onAdmitted({ eventId: answer.eventId, pass: answer.pass, passExpiresAt: answer.passExpiresAt });
    }
    if (answer.status === 'waiting') {
      if (answer.ahead !== null && firstAhead.current === null) firstAhead.current = answer.ahead;
      setPlace(answer);
    }
  }, []);

  const fail = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return handlersRef.current.onRoomClosed();
    if (error instanceof ApiError && error.code === 'WAITING_ROOM_UNAVAILABLE') return setProblem({ kind: 'unavailable', message: error.message });
    setProblem({ kind: 'error', message: error instanceof Error ? error.message : 'The waiting room did not answer.' });
  }, []);

  /** Takes (or finds) the place: over the socket when it is up, else over REST. */
  const join = useCallback(() => {
    if (leftRef.current) return;
    const socket = socketRef.current;
    if (socket?.connected) {
      socket.emit(SocketEvent.QueueJoin, { eventId }, (reply) => {
        const error = errorBodySchema.safeParse(reply);
        if (error.success) return fail(new ApiError(error.data.statusCode, error.data.error, error.data.message));
        const parsed = queuePlaceSchema.safeParse(reply);
        if (parsed.success) accept(parsed.data);
      });
      return;
    }
    joinQueue(session.token, eventId).then(accept, fail);
  }, [eventId, session.token, accept, fail]);

  useEffect(() => {
    const lease = acquireSocket(session.token);
    const socket = lease.socket;
    socketRef.current = socket;
    let drawing: ReturnType<typeof setTimeout> | undefined;
    let checking: ReturnType<typeof setTimeout> | undefined;
    const onUpdated = (stats: WaitingRoomStats) => {
      if (stats.eventId !== eventId) return;
      if (!stats.enabled) handlersRef.current.onRoomClosed();
      // The pre-queue was just drawn: learn the place it gave us, each page at its own moment.
      if (stats.phase === 'open' && placeRef.current?.ticket === null && drawing === undefined) {
        drawing = setTimeout(() => {
          drawing = undefined;
          join();
        }, Math.random() * OPENING_SPREAD_MS);
      }
      // Everyone who was ahead has been let in, yet no pass came (a message lost on the way): ask.
      const waiting = placeRef.current;
      if (waiting && waiting.ahead !== null && stats.admittedCount > waiting.room.admittedCount + waiting.ahead && checking === undefined) {
        checking = setTimeout(
          () => {
            checking = undefined;
            join();
          },
          1_000 + Math.random() * OPENING_SPREAD_MS,
        );
      }
      setRoom(stats);
    };
    const onAdmitted = (admission: QueueAdmitted) => {
      if (admission.eventId === eventId) handlersRef.current.onAdmitted(admission);
    };
    socket.on(SocketEvent.QueueUpdated, onUpdated);
    socket.on(SocketEvent.QueueAdmitted, onAdmitted);
    socket.on('connect', join);
    if (socket.connected) join();
    // The safety net: without a socket, or when Redis was away, ask again every few seconds.
    const poll = setInterval(() => {
      if (!socket.connected) join();
    }, POLL_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(drawing);
      clearTimeout(checking);
      socket.off(SocketEvent.QueueUpdated, onUpdated);
      socket.off(SocketEvent.QueueAdmitted, onAdmitted);
      socket.off('connect', join);
      lease.release();
      socketRef.current = null;
    };
  }, [eventId, session.token, join]);

  // While the room cannot be reached, try again on a short beat even with the socket up.
  useEffect(() => {
    if (problem?.kind !== 'unavailable') return;
    const retry = setInterval(join, 3_000);
    return () => clearInterval(retry);
  }, [problem, join]);

  const leave = useCallback(() => {
    leftRef.current = true;
    setLeft(true);
    setPlace(null);
    firstAhead.current = null;
    const socket = socketRef.current;
    if (socket?.connected) socket.emit(SocketEvent.QueueLeave, { eventId }, () => undefined);
    else void leaveQueue(session.token, eventId).catch(() => undefined);
  }, [eventId, session.token]);

  const rejoin = useCallback(() => {
    leftRef.current = false;
    setLeft(false);
    join();
  }, [join]);

  let view: WaitingRoomView;
  if (left) view = { kind: 'left', room };
  else if (problem) view = problem;
  else if (!place || !room) view = { kind: 'joining' };
  else {
    const ahead = place.ahead === null ? null : aheadNow(place.ahead, place.room.admittedCount, room.admittedCount);
    view = {
      kind: 'waiting',
      place,
      room,
      ahead,
      firstAhead: firstAhead.current,
      waitSeconds: ahead === null ? null : estimatedWaitSeconds(ahead, room.admittedPerMinute),
    };
  }
  return { view, leave, rejoin };
}
