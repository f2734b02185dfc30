/** A whole number's allowed range, for inputs and CLI options alike. */
export interface Range {
  min: number;
  max: number;
}

/** The numeric settings' ranges: beyond them a run would be absurd (a timer cannot even hold 1e9 s). */
export const LIMITS = {
  timeoutSeconds: { min: 1, max: 600 },
  concurrency: { min: 1, max: 64 },
  expiryWarningDays: { min: 0, max: 3650 },
} as const satisfies Record<string, Range>;

/** Plain decimal digits within the range; ` 2`, `0x10`, `+3`, `1e3` and `2.0` are refused, never guessed. */
export function wholeNumber(text: string, range: Range): number | undefined {
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= range.min && n <= range.max ? n : undefined;
}
