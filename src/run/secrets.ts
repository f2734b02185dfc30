import type { TokenSpec } from '../config/types.js';
import { MIN_SECRET_LENGTH, type Redactor } from './redact.js';

/**
 * The credential values, read from the environment variables the config names. Each value is handed
 * to `mask` (core.setSecret in the action) the moment it is read, before anything can print or send
 * it — a multi-line one line by line — and to the redactor. A value shorter than 8 characters is
 * neither: masking it would garble every log line that contains those characters, so it is kept
 * only to be refused as "too short" without ever being sent.
 */
export class SecretStore {
  private readonly values = new Map<string, string>();

  constructor(
    specs: readonly TokenSpec[],
    env: Readonly<Record<string, string | undefined>>,
    private readonly mask: (value: string) => void,
    private readonly redactor: Redactor,
  ) {
    const variables = new Set(specs.flatMap((spec) => [...Object.values(spec.secret), ...Object.values(spec.previousSecret ?? {})]));
    for (const name of variables) {
      const raw = env[name];
      if (!raw) continue;
      this.protect(raw);
      // A secret pasted with a trailing newline is common; the value is what is left.
      const value = raw.trim();
      if (!value) continue;
      if (value !== raw) this.protect(value);
      this.values.set(name, value);
    }
  }

  get(variable: string): string | undefined {
    return this.values.get(variable);
  }

  /** A form of a secret made from it (base64 of `user:pass`, URL-encoded, a corrupted copy): protected like one. */
  derived(value: string): void {
    this.protect(value);
  }

  private protect(value: string): void {
    const lines = value.split(/\r?\n|\r/).map((line) => line.trim()).filter(Boolean);
    if (lines.length <= 1) {
      // One line, perhaps with a trailing newline: masked as read (setSecret escapes the newline).
      if (value.trim().length >= MIN_SECRET_LENGTH) this.mask(value);
    } else {
      // setSecret of a multi-line value would also mask each short line (`{`, `}`), garbling the log.
      for (const line of lines) if (line.length >= MIN_SECRET_LENGTH) this.mask(line);
    }
    this.redactor.add(value);
    for (const line of lines) this.redactor.add(line);
  }
}
