import fc, { type Arbitrary } from 'fast-check';
import type { z } from 'zod';

/**
 * Arbitraries derived from the contract's zod schemas (zod 4; zod-fast-check
 * speaks only zod 3). `validOf` gives values the schema accepts, leaning on
 * the odd ones (unicode, lengths and numbers at their bounds); `invalidOf`
 * gives values it must refuse (wrong types, missing and extra fields,
 * oversized, duplicates). `hints` replaces the values of fields by name: the
 * fuzz suite points ids at real rows (its own, other users', missing) that a
 * schema alone knows nothing about.
 */
export type Hints = Readonly<Record<string, Arbitrary<unknown>>>;

/** What a zod 4 schema says about itself (its `_zod.def`), as far as the mapper reads it. */
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  format?: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  defaultValue?: unknown;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((check) => check._zod.def);

/** Strings a person could type, and a few no one would: unicode, controls, surrogates. */
const oddText = (minLength: number, maxLength: number): Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 20) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, minLength + 10) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, minLength + 10) }) },
    // Huge but legal: exactly at the bound.
    { weight: 1, arbitrary: fc.constantFrom('x', 'é', '😀').map((char) => char.repeat(maxLength).slice(0, maxLength)) },
  );

function stringArbitrary(def: Def): Arbitrary<string> {
  const checks = checksOf(def);
  const min = Math.max(0, ...checks.map((c) => (c.check === 'min_length' ? (c.minimum ?? 0) : c.check === 'length_equals' ? (c.length ?? 0) : 0)));
  // An unbounded string is drawn up to 2,000 characters: longer ones are invalidOf's oversized values.
  const max = Math.min(
    2_000,
    ...checks.map((c) => (c.check === 'max_length' ? (c.maximum ?? 2_000) : c.check === 'length_equals' ? (c.length ?? 2_000) : 2_000)),
  );
  const format = def.format ?? checks.find((c) => c.check === 'string_format')?.format;
  const pattern = checks.find((c) => c.format === 'regex')?.pattern;
  const fits = (value: string) => value.length >= min && value.length <= max;
  if (format === 'email') return email().filter(fits);
  if (format === 'datetime') return isoDateTime();
  if (pattern)
    return fc.oneof(
      fc.stringMatching(pattern).filter(fits),
      fc
        .stringMatching(pattern)
        .map((value) => value.repeat(max).slice(0, max))
        .filter(fits),
    );
  return oddText(min, max);
}

/**
 * Addresses zod's email rule accepts (fast-check's own emailAddress() follows RFC 5322, whose
 * symbols zod refuses), written the odd ways that still count: upper case, padded.
 */
const email = (): Arbitrary<string> =>
  fc
    .oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.stringMatching(/^[a-z0-9_+-]{1,20}$/), fc.stringMatching(/^[a-z0-9]{1,15}$/), fc.constantFrom('com', 'org', 'dev', 'example'))
          .map(([local, domain, tld]) => `${local}@${domain}.${tld}`),
      },
      { weight: 1, arbitrary: fc.emailAddress() },
    )
    .chain((address) => fc.constantFrom(address, address.toUpperCase(), ` ${address}\t`));

/** ISO-8601 UTC times, with the odd but legal ones: far past and future, offsets, milliseconds. */
export const isoDateTime = (): Arbitrary<string> =>
  fc.oneof(
    fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString()),
    fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().replace('.000Z', 'Z')),
    fc.constantFrom('2027-09-01T20:00:00+02:00', '2027-09-01T20:00:00-11:30', '2027-02-28T23:59:59.999Z'),
  );

function numberArbitrary(def: Def): Arbitrary<number> {
  const checks = checksOf(def);
  const integer = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'));
  let min = integer ? Number.MIN_SAFE_INTEGER : -1e15;
  let max = integer ? Number.MAX_SAFE_INTEGER : 1e15;
  for (const c of checks) {
    if (c.check === 'greater_than') min = Math.max(min, Number(c.value) + (c.inclusive ? 0 : integer ? 1 : Number.EPSILON));
    if (c.check === 'less_than') max = Math.min(max, Number(c.value) - (c.inclusive ? 0 : integer ? 1 : Number.EPSILON));
  }
  const inRange = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  // Boundary numbers come up far more often than a uniform draw would give them.
  return fc.oneof({ weight: 3, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
}

function arrayArbitrary(def: Def, hints: Hints, key: string | undefined): Arbitrary<unknown[]> {
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 10, min + 10);
  const item = (key && hints[`${key}[]`]) || validOf(def.element!, hints);
  return fc.array(item, { minLength: min, maxLength: max });
}

/** Values `schema` should accept (a refinement the mapper cannot see may still refuse some: filter with the schema where that matters). */
export function validOf(schema: z.ZodType, hints: Hints = {}, key?: string): Arbitrary<unknown> {
  if (key !== undefined && hints[key]) return hints[key];
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'unknown':
    case 'any':
      return fc.jsonValue();
    case 'optional':
      return fc.option(validOf(def.innerType!, hints, key), { nil: undefined });
    case 'nullable':
      return fc.option(validOf(def.innerType!, hints, key), { nil: null });
    case 'default':
    case 'prefault':
      return fc.option(validOf(def.innerType!, hints, key), { nil: undefined });
    case 'array':
      return arrayArbitrary(def, hints, key);
    case 'tuple':
      return fc.tuple(...def.items!.map((item) => validOf(item, hints)));
    case 'union':
      return fc.oneof(...def.options!.map((option) => validOf(option, hints, key)));
    case 'record':
      return fc.dictionary(validOf(def.keyType!, hints) as Arbitrary<string>, validOf(def.valueType!, hints), { maxKeys: 5 });
    case 'pipe':
      // A transform's input is not described: generate what the pipe's other side asks for.
      return defOf(def.out!).type === 'transform' ? validOf(def.in!, hints, key) : validOf(def.out!, hints, key);
    case 'object': {
      const fields = Object.fromEntries(Object.entries(def.shape!).map(([name, field]) => [name, validOf(field, hints, name)]));
      const branches = oneOfRequired(schema);
      if (!branches) return fc.record(fields).map(dropUndefined);
      // "Exactly one of" (JSON Schema's oneOf of required lists, in the schema's metadata): one branch's fields, never another's.
      const named = new Set(branches.flat());
      return fc.constantFrom(...branches).chain((required) =>
        fc
          .record(
            Object.fromEntries(
              Object.entries(def.shape!)
                .filter(([name]) => required.includes(name) || !named.has(name))
                .map(([name, field]) => [name, required.includes(name) ? validOf(requiredOf(field), hints, name) : fields[name]!]),
            ),
          )
          .map(dropUndefined),
      );
    }
    default:
      throw new Error(`no arbitrary for a zod ${def.type}`);
  }
}

/** The `required` lists of a `oneOf` in the schema's metadata, if it has one. */
function oneOfRequired(schema: z.ZodType): string[][] | undefined {
  const oneOf = (schema as unknown as { meta(): { oneOf?: Array<{ required?: string[] }> } | undefined }).meta()?.oneOf;
  return oneOf?.map((branch) => branch.required ?? []);
}

/** An optional field's own schema, so that a required branch always draws it. */
const requiredOf = (field: z.ZodType): z.ZodType => (defOf(field).type === 'optional' ? defOf(field).innerType! : field);

const dropUndefined = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));

/** Something of the wrong type for any field: the classics of hand-written clients. */
export const wrongType = (): Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, '', ' ', 'null', '0', [], {}, [null], { $gt: '' }, '__proto__'),
    fc.integer(),
    fc.string(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
  );

/** Longer than any bound the gateway accepts in one field, yet under its 64 kB body limit. */
const OVERSIZED = 20_000;

/**
 * Values `schema` must refuse, made from a valid one: a field of the wrong
 * type, a required field left out, a field no contract has, a string or list
 * past its bound, a duplicated list item, or no object at all.
 */
export function invalidOf(schema: z.ZodType, hints: Hints = {}): Arbitrary<unknown> {
  const valid = validOf(schema, hints);
  const def = defOf(schema);
  const fields = def.type === 'object' ? Object.keys(def.shape!) : [];
  const mutations: Array<Arbitrary<unknown>> = [wrongType()];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    mutations.push(
      fc.tuple(valid, field, wrongType()).map(([value, name, bad]) => ({ ...(value as object), [name]: bad })),
      fc.tuple(valid, field).map(([value, name]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[name];
        return copy;
      }),
      // A computed key makes `__proto__` an own field, sent as JSON like any other.
      fc
        .tuple(valid, fc.constantFrom('extra', '__proto__', 'constructor', 'userId', 'role', 'status'))
        .map(([value, name]) => ({ [name]: { x: 1 }, ...(value as object) })),
      fc.tuple(valid, field, fc.constantFrom('x', '\u0000', '😀')).map(([value, name, char]) => ({ ...(value as object), [name]: char.repeat(OVERSIZED) })),
      fc.tuple(valid, field).map(([value, name]) => {
        const current = (value as Record<string, unknown>)[name];
        return {
          ...(value as object),
          [name]: Array.isArray(current) && current.length > 0 ? [...current, current[0]] : Array.from({ length: 200 }, () => current),
        };
      }),
    );
  }
  return fc.oneof(...mutations);
}
