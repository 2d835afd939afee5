/** JSON and NDJSON output: the contract's shape, one object per return. */
import type { CharterReturn } from '../model.js';

/** One input writes one object; several write an array. */
export function writeJson(returns: readonly CharterReturn[], asArray: boolean): string {
  const value = asArray ? returns : returns[0];
  return value === undefined ? '' : `${JSON.stringify(value, null, 2)}\n`;
}

export function writeNdjson(returns: readonly CharterReturn[]): string {
  return returns.map((charterReturn) => `${JSON.stringify(charterReturn)}\n`).join('');
}
