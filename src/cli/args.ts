import type { Readable } from 'node:stream';
import { showValue } from '../config/echo.js';
import { wholeNumber, type Range } from '../limits.js';

/** What a command reads and writes: the process's streams, environment and directory (tests pass their own). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What `scan --diff -` reads (default: the process's stdin). */
  stdin?: Readable;
  /** stderr is a terminal: a long scan may show its progress there. */
  stderrIsTTY?: boolean;
}

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
