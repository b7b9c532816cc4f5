import { z } from 'zod';

export type JsonSchema = { [keyword: string]: unknown };

/** Which side of a schema a document shows: what a client sends (before transforms and defaults) or what it receives. */
export type SchemaSide = 'input' | 'output';

/**
 * The JSON Schemas of a document's components, made from the zod contracts by
 * zod's own `z.toJSONSchema`: each schema named once, every use a `$ref`.
 * Requests are shown as clients write them (`input`), answers and pushes as
 * they arrive (`output`); the two sides are generated apart because a schema
 * with a transform or a default reads differently on each.
 */
export class SchemaComponents {
  private readonly registries: Record<SchemaSide, z.core.$ZodRegistry<{ id: string }>> = {
    input: z.registry<{ id: string }>(),
    output: z.registry<{ id: string }>(),
  };
  private readonly names = new Set<string>();

  constructor(
    private readonly refPrefix: string,
    private readonly target: 'draft-2020-12' | 'draft-07',
  ) {}

  /** A `$ref` to `schema` as a component: under the name it already has on this side, else under `name`. */
  ref(schema: z.ZodType, side: SchemaSide, name: string): JsonSchema {
    const registry = this.registries[side];
    const known = registry.get(schema)?.id;
    if (known) return { $ref: this.refPrefix + known };
    if (this.names.has(name)) throw new Error(`Two schemas are named ${name} in one document: give one of them another name`);
    this.names.add(name);
    registry.add(schema, { id: name });
    return { $ref: this.refPrefix + name };
  }

  /** Every component named so far, by name. */
  schemas(): Record<string, JsonSchema> {
    const all: Record<string, JsonSchema> = {};
    for (const side of ['input', 'output'] as const) {
      const { schemas } = z.toJSONSchema(this.registries[side], {
        io: side,
        target: this.target,
        uri: (id) => this.refPrefix + id,
        // A refinement or a transform has no JSON Schema: the shape around it still does.
        unrepresentable: 'any',
        override: ({ jsonSchema }) => tidy(jsonSchema as JsonSchema),
      });
      for (const [name, schema] of Object.entries(schemas)) {
        const body: JsonSchema = { ...schema };
        // Components are parts of the document, not documents of their own.
        delete body.$id;
        delete body.$schema;
        all[name] = body;
      }
    }
    return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** A schema written out in place, for what is not worth a component (a path parameter, a header). */
export function inlineSchema(schema: z.ZodType, side: SchemaSide, target: 'draft-2020-12' | 'draft-07'): JsonSchema {
  const json: JsonSchema = {
    ...z.toJSONSchema(schema, { io: side, target, unrepresentable: 'any', override: ({ jsonSchema }) => tidy(jsonSchema as JsonSchema) }),
  };
  delete json.$schema;
  return json;
}

/**
 * Drops what says nothing to a reader: the long pattern that spells out
 * `format: date-time`, and the bounds zod gives every integer (the safe-integer range).
 */
function tidy(schema: JsonSchema): void {
  if (schema.format === 'date-time') delete schema.pattern;
  if (schema.type === 'integer') {
    if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
    if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  }
}

/** `queue.join` → `QueueJoin`, `catalog.list-events` → `CatalogListEvents`: names for components. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
