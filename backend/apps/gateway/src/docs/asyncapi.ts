import { allTopicSpecs, errorBodySchema, MESSAGES, RPCS, replyTopicOf, rpcReplySchema, type MessageContract } from '@seatstorm/contracts';
import type { z } from 'zod';
import { CLIENT_EVENTS, SERVER_EVENTS, TOPIC_SUMMARIES, type ClientEventDoc, type ServerEventDoc } from './async-channels';
import { pascalCase, SchemaComponents, type JsonSchema, type SchemaSide } from './json-schemas';
import { SCHEMA_NAMES } from './schema-names';

export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string };
  defaultContentType: string;
  servers: Record<string, JsonSchema>;
  channels: Record<string, JsonSchema>;
  operations: Record<string, JsonSchema>;
  components: { schemas: Record<string, JsonSchema>; messages: Record<string, JsonSchema> };
}

const SOCKET = { $ref: '#/servers/gateway' };
const KAFKA = { $ref: '#/servers/kafka' };
const KAFKA_BINDING_VERSION = '0.5.0';

/**
 * The socket.io events and the Kafka topics as an AsyncAPI 3.0 document, from
 * the event tables and the zod contracts (MESSAGES, RPCS). Operations are
 * seen from Seatstorm's back end: it receives what a browser emits and sends
 * what it pushes; on Kafka each operation is the producing side (the
 * consumers are other services of the same back end).
 */
export function buildAsyncApiDocument(version: string): AsyncApiDocument {
  const doc = new AsyncDocument();
  const errorAck = doc.message('SocketError', {
    summary: 'The ack of a refused event: the REST error body, with its stable code.',
    payload: doc.schema(errorBodySchema, 'output', 'ErrorBody'),
  });
  for (const [event, spec] of Object.entries(CLIENT_EVENTS) as [string, ClientEventDoc][]) {
    const name = pascalCase(event);
    const messages = { [name]: doc.message(`Socket${name}`, { summary: spec.summary, payload: doc.schema(spec.payload, 'input', `${name}Payload`) }) };
    const ack = spec.ack && doc.message(`Socket${name}Ack`, { summary: `The ack of \`${event}\`.`, payload: doc.schema(spec.ack, 'output', `${name}Ack`) });
    const channel = doc.channel(`socket${name}`, {
      address: event,
      servers: [SOCKET],
      messages: ack ? { ...messages, [`${name}Ack`]: ack, Error: errorAck } : messages,
    });
    doc.operation(`receive${name}`, {
      action: 'receive',
      summary: spec.summary,
      channel: channel.ref,
      messages: [channel.message(name)],
      ...(ack ? { reply: { channel: channel.ref, messages: [channel.message(`${name}Ack`), channel.message('Error')] } } : {}),
    });
  }
  for (const [event, spec] of Object.entries(SERVER_EVENTS) as [string, ServerEventDoc][]) {
    const name = pascalCase(event);
    const channel = doc.channel(`socket${name}`, {
      address: event,
      servers: [SOCKET],
      messages: { [name]: doc.message(`Socket${name}`, { summary: spec.summary, payload: doc.schema(spec.payload, 'output', name) }) },
    });
    doc.operation(`send${name}`, { action: 'send', summary: spec.summary, channel: channel.ref, messages: [channel.message(name)] });
  }
  const partitions = new Map(allTopicSpecs().map((spec) => [spec.name, spec.partitions]));
  const kafkaChannel = (id: string, address: string, description: string, messages: Record<string, JsonSchema>) =>
    doc.channel(id, {
      address,
      description,
      servers: [KAFKA],
      messages,
      bindings: { kafka: { partitions: partitions.get(address), bindingVersion: KAFKA_BINDING_VERSION } },
    });
  for (const [topic, contract] of Object.entries(MESSAGES) as [keyof typeof TOPIC_SUMMARIES, MessageContract][]) {
    const name = pascalCase(topic);
    const message = doc.message(`Kafka${name}`, {
      summary: TOPIC_SUMMARIES[topic],
      payload: doc.schema(contract.schema, 'output', name),
      headers: {
        type: 'object',
        properties: { 'schema-version': { type: 'string', const: String(contract.version), description: 'The contract’s version of this message.' } },
      },
      bindings: {
        kafka: {
          key: { type: 'string', description: `The message's ${keyFieldOf(contract)}: one key's messages stay in one partition, in order.` },
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    });
    const channel = kafkaChannel(`kafka${name}`, topic, TOPIC_SUMMARIES[topic], { [name]: message });
    doc.operation(`produce${name}`, { action: 'send', summary: TOPIC_SUMMARIES[topic], channel: channel.ref, messages: [channel.message(name)] });
  }
  for (const [pattern, rpc] of Object.entries(RPCS) as [keyof typeof RPCS, (typeof RPCS)[keyof typeof RPCS]][]) {
    const name = pascalCase(pattern);
    const request = doc.message(`Kafka${name}Request`, { summary: `The request of ${pattern}.`, payload: doc.schema(rpc.request, 'output', `${name}Request`) });
    const reply = doc.message(`Kafka${name}Reply`, {
      summary: `The answer to ${pattern}: the result, or the error with its stable code.`,
      payload: doc.schema(rpcReplySchema(rpc.reply), 'output', `${name}Reply`),
    });
    const requests = kafkaChannel(`kafka${name}`, pattern, `Request-reply: ${pattern}.`, { Request: request });
    const replies = kafkaChannel(`kafka${name}Reply`, replyTopicOf(pattern), `The replies of ${pattern}.`, { Reply: reply });
    doc.operation(`request${name}`, {
      action: 'send',
      summary: `Ask ${pattern} and wait for the answer on ${replyTopicOf(pattern)}.`,
      channel: requests.ref,
      messages: [requests.message('Request')],
      reply: { channel: replies.ref, messages: [replies.message('Reply')] },
    });
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Seatstorm events',
      version,
      description: [
        'The socket.io events of the Seatstorm gateway and the Kafka topics between its services. The REST API is at [/docs/openapi.json](/docs/openapi.json).',
        'socket.io: the handshake may carry `auth: { token }` (the token of POST /auth/login); without it a socket can watch seat maps but receives no personal events. An event with an ack answers its body, or the error body with a stable code.',
        'Operations are seen from the back end: it receives what a browser emits and sends what it pushes; on Kafka each operation is the producing side.',
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      gateway: {
        host: '{gateway}',
        pathname: '/socket.io',
        protocol: 'ws',
        title: 'socket.io 4 on the gateway',
        description: 'socket.io 4 (Engine.IO 4, WebSocket or long-polling), on the gateway’s REST origin.',
        variables: { gateway: { default: 'localhost:3000', description: 'The gateway’s host and port (GATEWAY_PORT).' } },
      },
      kafka: {
        host: '{broker}',
        protocol: 'kafka',
        protocolVersion: '3.9',
        title: 'Apache Kafka',
        description: 'Between the back end’s services; not open to clients.',
        variables: { broker: { default: '127.0.0.1:9092', description: 'KAFKA_BROKERS.' } },
      },
    },
    channels: doc.channels,
    operations: doc.operations,
    components: { schemas: doc.schemas(), messages: doc.messages },
  };
}

class AsyncDocument {
  readonly channels: Record<string, JsonSchema> = {};
  readonly operations: Record<string, JsonSchema> = {};
  readonly messages: Record<string, JsonSchema> = {};
  private readonly components = new SchemaComponents('#/components/schemas/', 'draft-07');

  schema(schema: z.ZodType, side: SchemaSide, fallback: string): JsonSchema {
    return this.components.ref(schema, side, SCHEMA_NAMES.get(schema) ?? fallback);
  }

  message(name: string, body: JsonSchema): JsonSchema {
    if (this.messages[name]) throw new Error(`Two messages are named ${name}`);
    this.messages[name] = { name, ...body };
    return { $ref: `#/components/messages/${name}` };
  }

  channel(id: string, body: JsonSchema): { ref: JsonSchema; message: (name: string) => JsonSchema } {
    if (this.channels[id]) throw new Error(`Two channels are named ${id}`);
    this.channels[id] = body;
    return { ref: { $ref: `#/channels/${id}` }, message: (name) => ({ $ref: `#/channels/${id}/messages/${name}` }) };
  }

  operation(id: string, body: JsonSchema): void {
    if (this.operations[id]) throw new Error(`Two operations are named ${id}`);
    this.operations[id] = body;
  }

  schemas(): Record<string, JsonSchema> {
    return this.components.schemas();
  }
}

/**
 * The field a contract keys its messages by (`eventId`, `request.bookingId`),
 * read off its own `keyOf` with a recording proxy, so the document can never
 * disagree with the partitioning.
 */
function keyFieldOf(contract: MessageContract): string {
  const path: string[] = [];
  const recorder: object = new Proxy(
    {},
    {
      get: (_target, property) => {
        if (typeof property === 'symbol') throw new Error(`${contract.topic}: keyOf must read a field, not build a string`);
        path.push(property);
        return recorder;
      },
    },
  );
  contract.keyOf(recorder as never);
  return path.join('.');
}
