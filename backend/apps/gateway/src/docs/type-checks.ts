/** True when A and B are the same type: each assignable to the other, with the same keys (so no optional one extra). */
export type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

/** Compiles only when every entry is true: a list of type checks. */
export type AllTrue<T extends Record<string, true>> = T;
