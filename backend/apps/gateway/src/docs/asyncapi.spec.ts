import specs from '@asyncapi/specs';
import { allTopicSpecs, SocketEvent, Topic } from '@seatstorm/contracts';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildAsyncApiDocument } from './asyncapi';
import { API_VERSION } from './docs.service';
import { danglingRefs, resolvePointer } from './document-refs';
import type { JsonSchema } from './json-schemas';

const document = buildAsyncApiDocument(API_VERSION);
const channels = Object.values(document.channels) as { address: string; servers: { $ref: string }[] }[];
const addressesOn = (server: string): string[] =>
  channels
    .filter((channel) => channel.servers.some((ref) => ref.$ref === `#/servers/${server}`))
    .map((channel) => channel.address)
    .sort();
const payloadOf = (message: string): unknown => resolvePointer(document, (document.components.messages[message]!.payload as { $ref: string }).$ref);

describe('the AsyncAPI document', () => {
  it('is valid AsyncAPI 3.0 (the specification’s JSON Schema, @asyncapi/specs)', () => {
    // The specification's schema carries its own copy of draft-07's meta-schema: use it, not Ajv's.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, meta: false, validateSchema: false });
    const validateDocument = ajv.compile(specs.schemas['3.0.0']);
    validateDocument(structuredClone(document));
    expect(validateDocument.errors ?? []).toEqual([]);
  });

  it('describes every socket event of the contract on the socket server, and nothing else', () => {
    expect(addressesOn('gateway')).toEqual(Object.values(SocketEvent).sort());
  });

  it('describes every Kafka topic the system provisions (events, requests and replies) on the broker, and nothing else', () => {
    expect(addressesOn('kafka')).toEqual(
      allTopicSpecs()
        .map((spec) => spec.name)
        .sort(),
    );
    expect(addressesOn('kafka')).toEqual(expect.arrayContaining(Object.values(Topic)));
  });

  it('resolves every $ref', () => {
    expect(danglingRefs(document)).toEqual([]);
  });

  it('answers an event with an ack with its body or the error body, and one without none', () => {
    expect(document.operations.receiveHold).toMatchObject({
      action: 'receive',
      reply: { messages: [{ $ref: '#/channels/socketHold/messages/HoldAck' }, { $ref: '#/channels/socketHold/messages/Error' }] },
    });
    expect(payloadOf('SocketHoldAck')).toMatchObject({ properties: { status: { enum: expect.arrayContaining(['reserved', 'pending']) } } });
    expect(payloadOf('SocketError')).toMatchObject({ required: ['statusCode', 'error', 'message'] });
    expect(document.operations.receiveUnsubscribe).not.toHaveProperty('reply');
    expect(document.operations.sendSeatUpdated).toMatchObject({ action: 'send' });
  });

  it('gives each topic its contract: the payload schema, the schema-version header and the field it is keyed by', () => {
    const seatUpdated = document.components.messages.KafkaSeatUpdated as JsonSchema & {
      headers: JsonSchema;
      bindings: { kafka: { key: { description: string } } };
    };
    expect(payloadOf('KafkaSeatUpdated')).toMatchObject({ required: ['eventId', 'baseVersion', 'version', 'changes'] });
    expect(seatUpdated.headers).toMatchObject({ properties: { 'schema-version': { const: '1' } } });
    expect(seatUpdated.bindings.kafka.key.description).toContain('eventId');
    expect((document.components.messages.KafkaPaymentDlq as typeof seatUpdated).bindings.kafka.key.description).toContain('request.bookingId');
    expect(document.operations.requestCatalogGetEvent).toMatchObject({ reply: { channel: { $ref: '#/channels/kafkaCatalogGetEventReply' } } });
  });
});
