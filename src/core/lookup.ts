/**
 * A table entry by a key that comes from text or data. A plain `table[key]` also finds what every
 * object inherits ("constructor", "toString"), so a street named Constructor would read as a function.
 */
export const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;
