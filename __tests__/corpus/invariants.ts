import { expect } from 'vitest';

/**
 * Characters no printed message may hold: control characters (ESC, BEL, CR, NUL, C1 …), line and
 * paragraph separators, format characters (bidi overrides and isolates, zero-width spaces and
 * joiners, BOM) and lone surrogates.
 */
export const UNSAFE_CHARACTER = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/** A line a CI runner would read as a workflow command (it trims leading blanks first). */
export const WORKFLOW_COMMAND = /^\s*(::|##\[)/;

/** One line of a message: no unsafe character, not a workflow command. */
export function expectSafeLine(line: string, what: string): void {
  expect(UNSAFE_CHARACTER.test(line), `${what} holds a control, bidi or zero-width character: ${JSON.stringify(line)}`).toBe(false);
  expect(WORKFLOW_COMMAND.test(line), `${what} starts a workflow command: ${JSON.stringify(line)}`).toBe(false);
}

/** Printed text of several lines (line breaks allowed between lines, nowhere else). */
export function expectSafeText(text: string, what: string): void {
  for (const line of text.split('\n')) expectSafeLine(line, what);
}
