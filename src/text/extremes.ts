/**
 * Largest and smallest of many numbers. `Math.max(...values)` passes every value as an argument
 * and overflows the stack past about a hundred thousand of them (a 200,000-line table).
 */
export function largest(values: Iterable<number>, fallback = -Infinity): number {
  let result = fallback;
  for (const value of values) if (value > result) result = value;
  return result;
}

export function smallest(values: Iterable<number>, fallback = Infinity): number {
  let result = fallback;
  for (const value of values) if (value < result) result = value;
  return result;
}
