import { BODY_TOO_LARGE_HTTP_STATUS, ERROR_HTTP_STATUS, errorBodySchema, idSchema, MAX_REQUEST_BODY_BYTES, type ErrorCode } from '@seatstorm/contracts';
import { z } from 'zod';
import type { ApiRoute, RouteAnswer, RouteAuth } from './api-routes';
import { inlineSchema, pascalCase, SchemaComponents, type JsonSchema, type SchemaSide } from './json-schemas';
import { SCHEMA_NAMES } from './schema-names';

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

const SCHEMAS = '#/components/schemas/';
const DIALECT = 'draft-2020-12';

/** What each kind of caller must show, as OpenAPI security requirements; the metrics token is needed only where it is set. */
const SECURITY: Record<RouteAuth, JsonSchema[] | undefined> = {
  public: undefined,
  user: [{ bearerAuth: [] }],
  admin: [{ bearerAuth: [] }],
  staff: [{ bearerAuth: [] }],
  metrics: [{ metricsToken: [] }, {}],
};

const IMPLIED_ERRORS: Record<RouteAuth, readonly ErrorCode[]> = {
  public: [],
  user: ['UNAUTHORIZED'],
  admin: ['UNAUTHORIZED', 'FORBIDDEN'],
  staff: ['UNAUTHORIZED', 'FORBIDDEN'],
  metrics: [],
};

/** The REST API as an OpenAPI 3.1 document, from the route table and the zod contracts. Pure: the same table gives the same document. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], version: string): OpenApiDocument {
  const components = new SchemaComponents(SCHEMAS, DIALECT);
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const operations = (paths[route.path] ??= {});
    if (operations[route.method]) throw new Error(`${route.method.toUpperCase()} ${route.path} is described twice`);
    operations[route.method] = operationOf(route, components);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Seatstorm API',
      version,
      description: [
        'The REST API of the Seatstorm gateway. Its socket.io events and Kafka topics are described at [/docs/asyncapi.json](/docs/asyncapi.json) (AsyncAPI 3.0).',
        'Sign in with POST /auth/login (demo users: `alice@example.com` / `password123`), then give the token under **Authorize**. `Authorization: Bearer <token>`; a bare token without `Bearer` is accepted too.',
        'Money is integer cents, times ISO-8601 UTC, ids opaque strings. Every error answers `ErrorBody` with a stable `error` code; a dependency away is 503 `SERVICE_UNAVAILABLE`, to be tried again, and 500 `INTERNAL_ERROR` is left for bugs.',
      ].join('\n\n'),
    },
    servers: [{ url: '/', description: 'This gateway' }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components.schemas(),
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `token` of POST /auth/login or /auth/register.' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when the deployment sets one.' },
      },
    },
  };
}

function operationOf(route: ApiRoute, components: SchemaComponents): JsonSchema {
  const name = pascalCase(route.operationId);
  const ref = (schema: z.ZodType, side: SchemaSide, fallback: string) => components.ref(schema, side, SCHEMA_NAMES.get(schema) ?? fallback);
  const parameters = [
    ...pathParameters(route),
    ...queryParameters(route),
    ...(route.headers ?? []).map((header) => ({
      name: header.name,
      in: 'header',
      required: false,
      description: header.description,
      schema: inlineSchema(header.schema, 'input', DIALECT),
    })),
  ];
  const responses: Record<string, JsonSchema> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    responses[status] = responseOf(answer, (schema) => ref(schema, 'output', `${name}Response`));
  }
  for (const [status, codes] of errorsByStatus(route)) {
    if (responses[status]) throw new Error(`${route.operationId}: ${status} is both an answer and an error`);
    responses[status] = errorResponseOf(status, codes, components.ref(errorBodySchema, 'output', 'ErrorBody'));
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref(route.body, 'input', `${name}Request`), ...(route.example === undefined ? {} : { example: route.example }) },
            },
          },
        }
      : {}),
    responses,
    ...(SECURITY[route.auth] ? { security: SECURITY[route.auth] } : {}),
  };
}

function pathParameters(route: ApiRoute): JsonSchema[] {
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const schema = route.params ?? z.object(Object.fromEntries(names.map((name) => [name, idSchema])));
  const { properties = {} } = inlineSchema(schema, 'input', DIALECT) as { properties?: Record<string, JsonSchema> };
  const described = Object.keys(properties);
  if (described.sort().join() !== [...names].sort().join()) {
    throw new Error(`${route.operationId}: the path names {${names.join('}, {')}} but its parameters are ${described.join(', ')}`);
  }
  return names.map((name) => ({ name, in: 'path', required: true, schema: properties[name] }));
}

function queryParameters(route: ApiRoute): JsonSchema[] {
  if (!route.query) return [];
  const { properties = {}, required = [] } = inlineSchema(route.query, 'input', DIALECT) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema,
    ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

function responseOf(answer: RouteAnswer, ref: (schema: z.ZodType) => JsonSchema): JsonSchema {
  const contentType = answer.contentType ?? (answer.schema ? 'application/json' : undefined);
  const schema = answer.schema && (contentType === 'application/json' ? ref(answer.schema) : inlineSchema(answer.schema, 'output', DIALECT));
  return {
    description: answer.description,
    ...(answer.headers
      ? { headers: Object.fromEntries(Object.entries(answer.headers).map(([header, description]) => [header, { description, schema: { type: 'string' } }])) }
      : {}),
    ...(contentType ? { content: { [contentType]: schema ? { schema } : {} } } : {}),
  };
}

/**
 * The route's error codes (its own and those its auth and body imply) by the
 * status each answers with: the contracts' ERROR_HTTP_STATUS, and
 * BODY_TOO_LARGE_HTTP_STATUS for a body over the gateway's limit.
 */
function errorsByStatus(route: ApiRoute): Map<string, ErrorCode[]> {
  const byStatus = new Map<string, ErrorCode[]>();
  const add = (status: number, code: ErrorCode) => {
    const codes = byStatus.get(String(status)) ?? [];
    if (!codes.includes(code)) byStatus.set(String(status), [...codes, code]);
  };
  for (const code of [...IMPLIED_ERRORS[route.auth], ...route.errors]) add(ERROR_HTTP_STATUS[code], code);
  if (route.body) add(BODY_TOO_LARGE_HTTP_STATUS, 'VALIDATION_FAILED');
  return new Map([...byStatus].sort(([a], [b]) => Number(a) - Number(b)));
}

function errorResponseOf(status: string, codes: readonly ErrorCode[], errorBody: JsonSchema): JsonSchema {
  const description =
    Number(status) === BODY_TOO_LARGE_HTTP_STATUS
      ? `\`VALIDATION_FAILED\`: the body is over the gateway’s ${MAX_REQUEST_BODY_BYTES / 1024} kB limit.`
      : codes.map((code) => `\`${code}\``).join(', ');
  return {
    description,
    ...(codes.includes('RATE_LIMITED')
      ? { headers: { 'Retry-After': { description: 'Seconds until the budget allows again.', schema: { type: 'integer' } } } }
      : {}),
    content: {
      'application/json': {
        schema: { allOf: [errorBody, { type: 'object', properties: { error: { enum: codes } } }] },
        // One example per code: left to itself, a docs page would show every status with the enum's first code.
        examples: Object.fromEntries(
          codes.map((code) => [
            code,
            {
              summary: code,
              value: {
                statusCode: Number(status),
                error: code,
                message: 'What went wrong, in words a person understands.',
                correlationId: 'c0ffee00-0000-4000-8000-000000000000',
              },
            },
          ]),
        ),
      },
    },
  };
}
