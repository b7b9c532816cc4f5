import { z } from 'zod';

/** A payload broke its contract. `issues` names each offending field. */
export class ContractViolation extends Error {
  constructor(
    readonly subject: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(`${subject} is invalid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'ContractViolation';
  }
}

/** Parse `value` with `schema`, or throw a ContractViolation naming every bad field. */
export function parseContract<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ContractViolation(
    subject,
    result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  );
}
