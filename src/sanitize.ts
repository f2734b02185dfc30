/**
 * Text from a provider or a config file, made safe to print: one line (no line breaks that could
 * forge a log line or a workflow command), no control characters or terminal escapes, bounded.
 */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(/[\p{Cc}\s]+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
