import 'reflect-metadata';
import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '@seatstorm/config';
import { describe, expect, it } from 'vitest';
import { RequiredRoles } from '../auth/roles.decorator';
import { GatewayModule } from '../gateway.module';
import { API_ROUTES, type RouteAuth } from './api-routes';
import { buildOpenApiDocument } from './openapi';

interface NestRoute {
  /** `GET /events/{eventId}`, as OpenAPI spells paths. */
  route: string;
  controller: Type;
  handler: string;
}

/** Every controller of a module and of everything it imports, as Nest would find them. */
function controllersOf(module: Type | DynamicModule, seen = new Set<unknown>()): Type[] {
  if (seen.has(module)) return [];
  seen.add(module);
  const dynamic = 'module' in module ? module : undefined;
  const type = dynamic ? dynamic.module : (module as Type);
  const metadata = <T>(key: string): T[] => (Reflect.getMetadata(key, type) as T[] | undefined) ?? [];
  const imports = [...metadata<Type | DynamicModule>(MODULE_METADATA.IMPORTS), ...((dynamic?.imports ?? []) as (Type | DynamicModule)[])];
  const controllers = [...metadata<Type>(MODULE_METADATA.CONTROLLERS), ...(dynamic?.controllers ?? [])];
  return [...controllers, ...imports.flatMap((imported) => controllersOf(imported, seen))];
}

/** The routes Nest registers for a controller: its path and each handler's method and path (PATH_METADATA, METHOD_METADATA). */
function routesOf(controller: Type): NestRoute[] {
  const bases = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat();
  return Object.getOwnPropertyNames(controller.prototype).flatMap((handler) => {
    const fn = (controller.prototype as Record<string, unknown>)[handler] as object;
    const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
    if (method === undefined) return [];
    const paths = [Reflect.getMetadata(PATH_METADATA, fn) as string | string[]].flat();
    return bases.flatMap((base) =>
      paths.map((path) => {
        const joined = [base, path].flatMap((part) => part.split('/')).filter(Boolean);
        const openApiPath = `/${joined.map((part) => (part.startsWith(':') ? `{${part.slice(1)}}` : part)).join('/')}`;
        return { route: `${RequestMethod[method]} ${openApiPath}`, controller, handler };
      }),
    );
  });
}

const gatewayRoutes = controllersOf(GatewayModule.forRoot(loadConfig({}))).flatMap(routesOf);
const described = new Map(API_ROUTES.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route]));

describe("the gateway's REST routes and their description", () => {
  it('finds the routes of every controller the gateway registers', () => {
    expect(gatewayRoutes.length).toBeGreaterThan(20);
    expect(gatewayRoutes.map((route) => route.route)).toContain('POST /bookings');
  });

  it('describes every route the gateway serves, and no other', () => {
    const served = gatewayRoutes.map((route) => route.route).sort();
    expect([...described.keys()].sort()).toEqual(served);
    const inDocument = Object.entries(buildOpenApiDocument(API_ROUTES, '0').paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(inDocument.sort()).toEqual(served);
  });

  it('describes who may call each route as its guard decides (@Authenticated, @Roles)', () => {
    const reflector = new Reflector();
    const byRoles = (roles: readonly string[] | undefined): RouteAuth[] => {
      if (roles === undefined) return ['public', 'metrics'];
      const allowed = [...roles].sort().join();
      return allowed === '' ? ['user'] : allowed === 'admin' ? ['admin'] : allowed === 'admin,staff' ? ['staff'] : [];
    };
    for (const { route, controller, handler } of gatewayRoutes.filter(({ route }) => described.has(route))) {
      const roles = reflector.getAllAndOverride(RequiredRoles, [(controller.prototype as Record<string, () => unknown>)[handler]!, controller]);
      const expected = byRoles(roles);
      expect({ route, auth: described.get(route)!.auth }).toEqual({ route, auth: expect.toBeOneOf(expected) });
    }
  });

  it("describes the status each route answers when it succeeds (@HttpCode, or Nest's 201 for a POST)", () => {
    for (const { route, controller, handler } of gatewayRoutes.filter(({ route }) => described.has(route))) {
      const fn = (controller.prototype as Record<string, () => unknown>)[handler]!;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {}) as Record<string, unknown>;
      // A handler that takes the response (@Res) sets its statuses itself; the table lists them.
      if (Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.RESPONSE}:`))) continue;
      const status = (Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined) ?? (route.startsWith('POST ') ? 201 : 200);
      expect({ route, statuses: Object.keys(described.get(route)!.responses) }).toEqual({ route, statuses: [String(status)] });
    }
  });
});
