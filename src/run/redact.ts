export const REDACTED = '***';

/** A deep copy of `value` in which no string contains any of `secrets`. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  const ordered = [...new Set(secrets)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, ordered);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [redactText(k, ordered), walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
