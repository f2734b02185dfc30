/**
 * How long a throttled answer asks to wait, in ms, from the standard `Retry-After` header (RFC 9110
 * §10.2.3: delay-seconds or an HTTP-date); undefined when absent or unusable. Provider-specific
 * headers (GitHub's x-ratelimit-reset, …) are each provider's own `Throttling.retryDelayMs`.
 */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  // Whole seconds per RFC 9110; some providers (Shopify) send "2.0".
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  // Only an HTTP-date, never a bare number Date.parse would read as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential back-off with jitter: ~200 ms, ~400 ms, ~800 ms … */
export function backoffMs(attempt: number, random: () => number): number {
  const base = 200 * 2 ** (attempt - 1);
  return Math.round(base * (0.5 + random() / 2));
}
