import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFuzzStack, type FuzzStack } from './fuzz-stack';
import { ANSWER_WITHIN_MS, assertProperty, expectStableError, expectUnchanged, PROPERTY_TIMEOUT_MS, Tally, within } from './invariants';
import { REST_ROUTES, restCase, type Body, type RestCase, type RestRoute } from './rest-cases';
import { authorizationOf, resolve } from './world';

/**
 * Every REST route, fuzzed from its contract against the real stack: valid,
 * odd and invalid input, every kind of caller. Whatever comes in, the gateway
 * answers within ANSWER_WITHIN_MS, never with a 5xx, and a 4xx carries a
 * stable code and changes nothing.
 */
describe('REST fuzz', () => {
  let fuzz: FuzzStack;
  const tally = new Tally();

  beforeAll(async () => {
    fuzz = await startFuzzStack();
  });

  afterAll(async () => {
    console.log(tally.report('REST fuzz'));
    await fuzz?.close();
  });

  async function send(property: string, route: RestRoute, c: RestCase): Promise<void> {
    const world = await fuzz.world(c.waitingRoom);
    const params = resolve(c.params, world) as Record<string, unknown>;
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
    const search = searchOf(resolve(c.query, world) as Record<string, unknown>);
    const authorization = authorizationOf(c.auth, world, fuzz.stack.config);
    // fetch sends no body with a GET.
    const body: Body = route.method === 'GET' ? { kind: 'none' } : c.body.kind === 'json' ? { ...c.body, value: resolve(c.body.value, world) } : c.body;
    const what = `${route.method} ${cut(`${path}${search}`)} as ${c.auth} with ${cut(describeBody(body))}`;
    const before = await fuzz.digest(world);
    const { status, text } = await within(
      ANSWER_WITHIN_MS,
      what,
      request(`${fuzz.stack.url}${path}${search}`, route.method, body, {
        ...c.headers,
        ...(authorization === undefined ? {} : { authorization }),
      }),
    );
    tally.count(property, status);
    if (status >= 500) throw new Error(`${what}: ${status} ${text.slice(0, 300)}`);
    if (status < 400) return;
    expectStableError(status, parse(text), what);
    expectUnchanged(before, await fuzz.digest(world), what);
  }

  for (const route of REST_ROUTES) {
    const property = `${route.method} ${route.path}`;
    it(
      property,
      async () => {
        await assertProperty(fc.asyncProperty(restCase(route), (c) => send(property, route, c)));
      },
      PROPERTY_TIMEOUT_MS,
    );
  }

  it(
    'any other method and path',
    async () => {
      const segment = fc.oneof(
        fc.constantFrom('events', 'bookings', 'auth', 'queue', 'seats', 'venues', 'pay', 'cancel', 'evt_eras', ''),
        fc.string({ maxLength: 12 }),
      );
      const anyRoute = fc.record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        path: fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.map(encodeURIComponent).join('/')}`),
      });
      await assertProperty(
        fc.asyncProperty(anyRoute, restCase({ method: 'POST', path: '/', body: undefined }), ({ method, path }, c) =>
          send('any other method and path', { method: method as RestRoute['method'], path }, { ...c, params: {} }),
        ),
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

async function request(url: string, method: string, body: Body, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...headers,
      ...(body.kind === 'json' ? { 'content-type': 'application/json' } : {}),
      ...(body.kind === 'raw' && body.contentType ? { 'content-type': body.contentType } : {}),
    },
    body: body.kind === 'json' ? JSON.stringify(body.value) : body.kind === 'raw' ? body.text : undefined,
  });
  return { status: response.status, text: await response.text() };
}

/** A query as a browser sends one: lists as repeated keys, anything else as its string or JSON. */
function searchOf(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined) search.append(key, typeof item === 'string' ? item : JSON.stringify(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeBody(body: Body): string {
  return body.kind === 'none' ? 'no body' : body.kind === 'json' ? JSON.stringify(body.value) : `${body.contentType ?? 'no content type'}: ${body.text}`;
}

const cut = (text: string): string => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);
