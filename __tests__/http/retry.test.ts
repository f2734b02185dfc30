import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/http/retry.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it.each([
    ['7', 7_000],
    ['2.0', 2_000],
    ['2.5', 2_500],
    ['Mon, 30 Nov 2026 12:00:30 GMT', 30_000],
    ['Mon, 30 Nov 2026 11:00:00 GMT', 0],
  ])('reads %s', (value, expected) => {
    expect(retryAfterMs({ 'retry-after': value }, now)).toBe(expected);
  });

  it.each(['', '-1', '2001', 'soon', '1e3'])('refuses %j instead of guessing a date from it', (value) => {
    // "2001" is delay-seconds; the others are neither form. None may be read as a year.
    const read = retryAfterMs({ 'retry-after': value }, now);
    if (value === '2001') expect(read).toBe(2_001_000);
    else expect(read).toBeUndefined();
  });
});
