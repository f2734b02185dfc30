/**
 * The `redacted` preview of a found secret: enough to recognise which key it is (`ghp_…`,
 * `sk_live_…`, `AKIA…`), never enough to use or narrow it down.
 */
import { oneLine } from '../sanitize.js';

/** Characters shown when the rule names no prefix the secret starts with. */
export const PREVIEW_CHARS = 4;

/**
 * The secret's start, then `…`: its format prefix when the secret starts with one of the rule's
 * keywords (`ghp_`, `sk_live_`, `hf_`: the keywords are the literals every match of the rule
 * holds), else its first 4 characters; and never more than a third of the secret, so a short one
 * shows less (a 9-character password: 3 characters; under 3: nothing).
 */
export function redactedPreview(secret: string, keywords: readonly string[] = []): string {
  const lower = secret.toLowerCase();
  const prefix = keywords.reduce((longest, k) => (k.length > longest && lower.startsWith(k) ? k.length : longest), 0);
  const chars = [...secret]; // whole characters: half a surrogate pair would not print
  const shown = Math.min(prefix || PREVIEW_CHARS, Math.floor(chars.length / 3));
  // Shown text is one line of visible characters (a control character would reach a terminal).
  return `${oneLine(chars.slice(0, shown).join(''))}…`;
}
