export const REDACTED = '***';

/** Secrets shorter than this are refused rather than held (a short mask would garble every log line). */
export const MIN_SECRET_LENGTH = 8;
const WINDOW = MIN_SECRET_LENGTH;

/**
 * Removes secrets from text that came from outside — provider answers, error messages — including
 * any part of one: every 8-character window of every secret is looked up in one set, so a provider
 * quoting the first 16 characters of a token is caught, and the cost is linear in the text's length
 * whatever the number of secrets.
 */
export class Redactor {
  private readonly windows = new Set<string>();

  add(secret: string): void {
    for (let i = 0; i + WINDOW <= secret.length; i++) this.windows.add(secret.slice(i, i + WINDOW));
  }

  get size(): number {
    return this.windows.size;
  }

  /**
   * The text with every secret window replaced by `***`. Replacing can join what stood around a
   * match into another secret (a secret holding `***` itself): so it repeats until nothing is
   * found; each pass that changes the text shortens it, so this ends.
   */
  redact(text: string): string {
    let out = text;
    for (let next = this.once(out); next !== out; next = this.once(out)) out = next;
    return out;
  }

  private once(text: string): string {
    if (this.windows.size === 0 || text.length < WINDOW) return text;
    let out = '';
    let copiedTo = 0;
    let coveredTo = -1;
    for (let i = 0; i + WINDOW <= text.length; i++) {
      if (!this.windows.has(text.slice(i, i + WINDOW))) continue;
      if (i > coveredTo) {
        // A new secret span starts here: keep what lies before it.
        out += text.slice(copiedTo, i) + REDACTED;
      }
      coveredTo = i + WINDOW - 1;
      copiedTo = i + WINDOW;
    }
    return copiedTo === 0 ? text : out + text.slice(copiedTo);
  }
}
