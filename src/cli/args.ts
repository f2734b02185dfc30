import { showValue } from '../config/echo.js';
import { wholeNumber, type Range } from '../limits.js';

/** A mistake on the command line: exit 2 with the message and the command's usage. */
export class UsageError extends Error {}

export function choice(value: string | undefined, flag: string, allowed: string[]): string {
  if (value !== undefined && allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${showValue(value)}`);
}

export function count(value: string | undefined, flag: string, range: Range): number {
  const n = wholeNumber(value ?? '', range);
  if (n === undefined) throw new UsageError(`${flag} must be a whole number from ${range.min} to ${range.max}, written in digits, got ${showValue(value)}`);
  return n;
}
