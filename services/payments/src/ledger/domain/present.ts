/**
 * A value the code has just written, locked or checked in the same transaction; its absence is a
 * bug, not bad input, so it fails loudly rather than being asserted away.
 */
export function present<T>(value: T | null | undefined, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what} to be present`);
  return value;
}
