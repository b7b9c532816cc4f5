import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { BODY_TOO_LARGE_HTTP_STATUS, ERROR_HTTP_STATUS, errorBodySchema, errorCodeSchema, type ErrorCode } from '@seatstorm/contracts';
import { describe, expect, it } from 'vitest';
import { API_ROUTES } from './api-routes';
import { API_VERSION } from './docs.service';
import { danglingRefs, resolvePointer } from './document-refs';
import type { JsonSchema } from './json-schemas';
import { buildOpenApiDocument } from './openapi';

const document = buildOpenApiDocument(API_ROUTES, API_VERSION);
const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
  Object.entries(byMethod).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
);
const operation = (route: string): JsonSchema => operations.find((entry) => entry.route === route)!.operation;
const responsesOf = (route: string) => operation(route).responses as Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
/** The error codes a route's answer with this status names. */
const codesOf = (route: string, status: number): unknown =>
  (
    (responsesOf(route)[status]?.content?.['application/json']?.schema.allOf as JsonSchema[] | undefined)?.[1]?.properties as
      { error: { enum: string[] } } | undefined
  )?.error.enum;

/** The status the contracts give a code: its own (ERROR_HTTP_STATUS), or 413 for a body over the limit where the document says so. */
const statusOf = (code: ErrorCode, documented: number): number =>
  code === 'VALIDATION_FAILED' && documented === BODY_TOO_LARGE_HTTP_STATUS ? BODY_TOO_LARGE_HTTP_STATUS : ERROR_HTTP_STATUS[code];

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (@readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.specification).toBe('OpenAPI');
    expect(document.openapi).toBe('3.1.0');
  });

  it('resolves every $ref, and gives every operation a unique operationId and its answers', () => {
    expect(danglingRefs(document)).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { route, operation } of operations)
      expect({ route, responses: Object.keys(operation.responses as object).length > 0 }).toEqual({ route, responses: true });
  });

  it('answers every error with the one error body, naming the codes of its status', () => {
    for (const { route } of operations) {
      for (const [status, response] of Object.entries(responsesOf(route))) {
        if (Number(status) < 400 || route === 'GET /health') continue;
        const { schema, examples } = response.content!['application/json']! as { schema: JsonSchema; examples: Record<string, { value: unknown }> };
        const [errorBody, codes] = schema.allOf as JsonSchema[];
        expect(errorBody).toEqual({ $ref: '#/components/schemas/ErrorBody' });
        const named = (codes!.properties as { error: { enum: ErrorCode[] } }).error.enum;
        for (const code of named) expect({ route, code, status: statusOf(code, Number(status)) }).toEqual({ route, code, status: Number(status) });
        const exampled = Object.values(examples).map(({ value }) => errorBodySchema.parse(value));
        expect(exampled.map((body) => [body.statusCode, body.error])).toEqual(named.map((code) => [Number(status), code]));
      }
    }
    expect(resolvePointer(document, '#/components/schemas/ErrorBody')).toMatchObject({ required: ['statusCode', 'error', 'message'] });
  });

  it("documents exactly each route's error codes, every one a code of the contracts at the status their table gives it", () => {
    for (const route of API_ROUTES) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const documented = Object.keys(responsesOf(name)).flatMap((status) =>
        ((codesOf(name, Number(status)) as string[] | undefined) ?? []).map((code) => ({ code, status: Number(status) })),
      );
      for (const { code, status } of documented) {
        expect({ name, code, known: errorCodeSchema.safeParse(code).success }).toEqual({ name, code, known: true });
        expect({ name, code, status }).toEqual({ name, code, status: statusOf(code as ErrorCode, status) });
      }
      const signedIn = route.auth === 'user' || route.auth === 'admin' || route.auth === 'staff';
      const implied = [...(signedIn ? ['UNAUTHORIZED'] : []), ...(route.auth === 'admin' || route.auth === 'staff' ? ['FORBIDDEN'] : [])];
      expect({ name, codes: new Set(documented.map(({ code }) => code)) }).toEqual({ name, codes: new Set([...route.errors, ...implied]) });
    }
  });

  it('names the 4xx codes a hold can answer, and its Idempotency-Key', () => {
    expect(codesOf('POST /bookings', 409)).toEqual([
      'SEAT_UNAVAILABLE',
      'ORPHAN_SEAT',
      'COMPANION_SEAT_ALONE',
      'NOT_ENOUGH_SEATS_TOGETHER',
      'BUYER_LIMIT_REACHED',
      'CONFLICT',
      'INVALID_STATE',
    ]);
    expect(codesOf('POST /bookings/{id}/extend', 409)).toEqual(['INVALID_STATE', 'EXTENSION_LIMIT_REACHED']);
    expect(codesOf('POST /check-in', 409)).toEqual(['TICKET_WRONG_EVENT', 'TICKET_REVOKED', 'ALREADY_CHECKED_IN']);
    expect(codesOf('POST /check-in', 422)).toEqual(['TICKET_INVALID']);
    expect(codesOf('POST /bookings', 401)).toEqual(['UNAUTHORIZED']);
    expect(codesOf('POST /bookings', 403)).toEqual(['ADMISSION_REQUIRED']);
    expect(codesOf('POST /bookings', 429)).toEqual(['RATE_LIMITED']);
    expect(codesOf('POST /bookings', 413)).toEqual(['VALIDATION_FAILED']);
    expect(Object.keys(responsesOf('POST /bookings'))).toEqual(expect.arrayContaining(['201', '202', '400', '410', '503']));
    expect(operation('POST /bookings').parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }));
  });

  it('asks for the bearer token exactly where a guard does, and for an admin a 403 too', () => {
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(operation('GET /bookings').security).toEqual([{ bearerAuth: [] }]);
    expect(operation('GET /events').security).toBeUndefined();
    expect(codesOf('GET /venues', 403)).toEqual(['FORBIDDEN']);
    expect(codesOf('GET /bookings', 403)).toBeUndefined();
    expect(operation('POST /check-in').security).toEqual([{ bearerAuth: [] }]);
    expect(codesOf('POST /check-in', 403)).toEqual(['FORBIDDEN']);
    expect(operation('GET /tickets/public-key').security).toBeUndefined();
  });

  it('describes bodies, queries and answers with the contract schemas', () => {
    expect(operation('POST /bookings').requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateBookingRequest' } } },
    });
    expect(resolvePointer(document, '#/components/schemas/CreateBookingRequest')).toMatchObject({
      required: ['eventId'],
      properties: { seatIds: { type: 'array' }, best: { properties: { count: { type: 'integer' } } } },
      oneOf: [{ required: ['seatIds'] }, { required: ['best'] }, { required: ['ga'] }],
    });
    expect(resolvePointer(document, '#/components/schemas/Booking')).toMatchObject({
      properties: { status: { enum: expect.arrayContaining(['reserved', 'confirmed']) } },
    });
    const query = (operation('GET /bookings').parameters as JsonSchema[]).map((parameter) => [parameter.name, parameter.in]);
    expect(query).toEqual([
      ['limit', 'query'],
      ['cursor', 'query'],
      ['eventId', 'query'],
      ['status', 'query'],
    ]);
    expect(operation('GET /events/{eventId}/seats').parameters).toContainEqual(expect.objectContaining({ name: 'eventId', in: 'path', required: true }));
  });

  it('carries the backend’s version and comes out the same every time', () => {
    const { version } = JSON.parse(readFileSync(resolve(__dirname, '../../../../package.json'), 'utf8')) as { version: string };
    expect(document.info.version).toBe(version);
    expect(JSON.stringify(buildOpenApiDocument(API_ROUTES, API_VERSION))).toBe(JSON.stringify(document));
  });
});
