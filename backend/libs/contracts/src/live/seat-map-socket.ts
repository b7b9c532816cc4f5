import type { SeatUpdated } from '../messages/seat-updated.message';
import { SocketEvent, type Ack, type SubscribePayload } from '../socket-events';
import type { SeatMapSync } from './seat-map-sync';
import { timers, type TimerHandle } from './timers';

/**
 * What the binding needs of a socket: a socket.io-client `Socket` typed with
 * the contract's event maps fits, and so does a test double. Declared here so
 * the contracts package depends on no socket library.
 */
export interface SeatMapSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: typeof SocketEvent.SeatUpdated, listener: (delta: SeatUpdated) => void): unknown;
  off(event: 'connect', listener: () => void): unknown;
  off(event: typeof SocketEvent.SeatUpdated, listener: (delta: SeatUpdated) => void): unknown;
  emit(event: typeof SocketEvent.Subscribe, payload: SubscribePayload, ack: Ack<{ version: number }>): unknown;
  emit(event: typeof SocketEvent.Unsubscribe, payload: SubscribePayload): unknown;
}

export interface SeatMapBindingOptions {
  /** The gateway refused `subscribe` (e.g. NOT_FOUND); while connected, it is asked again after this long. */
  resubscribeDelayMs?: number;
  onError?: (error: unknown) => void;
}

const DEFAULT_RESUBSCRIBE_DELAY_MS = 2000;

/**
 * Keeps `sync` fed from `socket`: joins the event's room on every connect
 * (socket.io rooms do not survive a reconnect), then loads the snapshot the
 * first time and reloads it after a reconnect that missed changes. Returns
 * the way to stop: leaves the room and stops the map.
 */
export function bindSeatMap(socket: SeatMapSocket, sync: SeatMapSync, options: SeatMapBindingOptions = {}): () => void {
  const payload: SubscribePayload = { eventId: sync.eventId };
  let retry: TimerHandle;
  let bound = true;

  const onDelta = (delta: SeatUpdated) => sync.receive(delta);
  const onConnect = () => {
    timers.clearTimeout(retry);
    socket.emit(SocketEvent.Subscribe, payload, (reply) => {
      if (!bound) return;
      if ('error' in reply) {
        options.onError?.(reply);
        retry = timers.setTimeout(() => socket.connected && onConnect(), options.resubscribeDelayMs ?? DEFAULT_RESUBSCRIBE_DELAY_MS);
        return;
      }
      void sync.subscribed(reply.version);
    });
  };

  socket.on(SocketEvent.SeatUpdated, onDelta);
  socket.on('connect', onConnect);
  if (socket.connected) onConnect();

  return () => {
    bound = false;
    timers.clearTimeout(retry);
    socket.off(SocketEvent.SeatUpdated, onDelta);
    socket.off('connect', onConnect);
    if (socket.connected) socket.emit(SocketEvent.Unsubscribe, payload);
    sync.stop();
  };
}
