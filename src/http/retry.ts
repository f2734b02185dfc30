/** How long a throttled response asks us to wait, in ms; undefined when it does not say. */
export function retryDelayMs(headers: Record<string, string>, now: number): number | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  // The x-ratelimit-reset convention (GitHub, GitLab and others): epoch seconds when the window reopens.
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  }
  return undefined;
}

/** Exponential back-off with jitter: ~200 ms, ~400 ms, ~800 ms … */
export function backoffMs(attempt: number, random: () => number): number {
  const base = 200 * 2 ** (attempt - 1);
  return Math.round(base * (0.5 + random() / 2));
}
