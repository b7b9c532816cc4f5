import { holdPayloadSchema, releasePayloadSchema, SocketEvent, subscribePayloadSchema } from '@seatstorm/contracts';
import fc, { type Arbitrary } from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { z } from 'zod';
import { connectSocket, type TestSocket } from '../live';
import { startFuzzStack, type FuzzStack } from './fuzz-stack';
import { ANSWER_WITHIN_MS, assertProperty, expectStableError, expectUnchanged, PROPERTY_TIMEOUT_MS, Tally, within } from './invariants';
import { HINTS } from './rest-cases';
import { authorizationOf, authVariant, resolve, type AuthVariant, type World, waitingRoomOn } from './world';
import { invalidOf, validOf, wrongType } from './zod-arbitrary';

/** Every message a client sends (socket-events.ts), with its payload's schema; the ones acked only on an error say so. */
const MESSAGES: Array<{ event: string; schema: z.ZodType; ackOnlyOnError?: boolean }> = [
  { event: SocketEvent.Subscribe, schema: subscribePayloadSchema },
  { event: SocketEvent.Unsubscribe, schema: subscribePayloadSchema, ackOnlyOnError: true },
  { event: SocketEvent.Hold, schema: holdPayloadSchema },
  { event: SocketEvent.Release, schema: releasePayloadSchema },
  { event: SocketEvent.LabSubscribe, schema: subscribePayloadSchema },
  { event: SocketEvent.LabUnsubscribe, schema: subscribePayloadSchema, ackOnlyOnError: true },
  { event: SocketEvent.QueueJoin, schema: subscribePayloadSchema },
  { event: SocketEvent.QueueLeave, schema: subscribePayloadSchema },
  { event: SocketEvent.QueueWatch, schema: subscribePayloadSchema },
];

/** No payload at all: the ack is the only argument. */
const NONE = Symbol('no payload');

interface SocketCase {
  /** A caller as for REST, or a handshake `auth.token` that is not a string at all. */
  auth: AuthVariant | { token: unknown };
  waitingRoom: boolean;
  payload: unknown;
}

const socketCase = (schema: z.ZodType): Arbitrary<SocketCase> =>
  fc.record({
    auth: fc.oneof({ weight: 9, arbitrary: authVariant() }, { weight: 1, arbitrary: wrongType().map((token) => ({ token })) }),
    waitingRoom: waitingRoomOn(),
    payload: fc.oneof(
      { weight: 5, arbitrary: validOf(schema, HINTS) },
      { weight: 3, arbitrary: invalidOf(schema, HINTS) },
      { weight: 1, arbitrary: fc.constant(NONE) },
    ),
  });

/**
 * Every client → server socket message, fuzzed like the REST routes: any
 * handshake, any payload. Each is answered within ANSWER_WITHIN_MS (an ack,
 * or for unsubscribing no ack unless refused), never with a 5xx body, and a
 * refusal carries a stable code and changes nothing. A refused handshake
 * says why in the same error body.
 */
describe('socket fuzz', () => {
  let fuzz: FuzzStack;
  const tally = new Tally();

  beforeAll(async () => {
    fuzz = await startFuzzStack();
  });

  afterAll(async () => {
    console.log(tally.report('socket fuzz'));
    await fuzz?.close();
  });

  /** The handshake token of a caller: the bare token, or the header value as it is for the variants about its form. */
  function tokenOf(auth: SocketCase['auth'], world: World): unknown {
    if (typeof auth === 'object') return auth.token;
    const header = authorizationOf(auth, world, fuzz.stack.config);
    return auth === 'buyer-lower-bearer' || auth === 'empty-bearer' ? header : header?.replace(/^Bearer /, '');
  }

  async function send(message: (typeof MESSAGES)[number], c: SocketCase): Promise<void> {
    const world = await fuzz.world(c.waitingRoom);
    const payload = c.payload === NONE ? NONE : resolve(c.payload, world);
    const what = `${message.event} ${payload === NONE ? 'without a payload' : JSON.stringify(payload)?.slice(0, 300)} as ${JSON.stringify(c.auth)}`;
    const before = await fuzz.digest(world);
    const token = tokenOf(c.auth, world);
    let socket: TestSocket;
    try {
      socket = await within(ANSWER_WITHIN_MS, `${what}: the handshake`, connectSocket(fuzz.stack.url, token === undefined ? {} : { token: token as string }));
    } catch (error) {
      const body = (error as { data?: unknown }).data;
      if (body === undefined) throw error;
      const refusal = expectStableError((body as { statusCode?: number }).statusCode ?? 0, body, `${what}: the handshake`);
      tally.count(message.event, `handshake ${refusal.error}`);
      if (refusal.statusCode >= 500) throw new Error(`${what}: the handshake was refused with ${refusal.statusCode}`);
      expectUnchanged(before, await fuzz.digest(world), `${what}: the handshake`);
      return;
    }
    try {
      const ack = await acknowledgement(socket, message, payload, world, what);
      tally.count(message.event, ack === undefined ? 'no ack' : isErrorBody(ack) ? ack.error : 'ok');
      if (!isErrorBody(ack)) return;
      const status = ack.statusCode;
      if (status >= 500) throw new Error(`${what}: acked ${JSON.stringify(ack).slice(0, 300)}`);
      expectStableError(status, ack, what);
      expectUnchanged(before, await fuzz.digest(world), what);
    } finally {
      socket.close();
    }
  }

  for (const message of MESSAGES) {
    it(
      message.event,
      async () => {
        await assertProperty(fc.asyncProperty(socketCase(message.schema), (c) => send(message, c)));
      },
      PROPERTY_TIMEOUT_MS,
    );
  }

  /**
   * The message's ack. An unsubscription is acked only when refused: a
   * subscription sent after it, which asks the catalog and so is answered
   * after it, tells that none is coming.
   */
  async function acknowledgement(socket: TestSocket, message: (typeof MESSAGES)[number], payload: unknown, world: World, what: string): Promise<unknown> {
    const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => void;
    const acked = new Promise<unknown>((resolveAck) => emit(message.event, ...(payload === NONE ? [] : [payload]), resolveAck));
    if (!message.ackOnlyOnError) return within(ANSWER_WITHIN_MS, what, acked);
    let ack: unknown;
    void acked.then((value) => (ack = value));
    await within(ANSWER_WITHIN_MS, `${what}: the subscription after it`, new Promise((done) => emit(SocketEvent.Subscribe, { eventId: world.eventId }, done)));
    if (ack === undefined && !message.schema.safeParse(payload === NONE ? undefined : payload).success) {
      throw new Error(`${what}: refused payload, yet no error ack`);
    }
    return ack;
  }
});

function isErrorBody(ack: unknown): ack is { statusCode: number; error: string } {
  return !!ack && typeof ack === 'object' && 'statusCode' in ack && 'error' in ack;
}
