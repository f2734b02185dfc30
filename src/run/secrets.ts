import type { TokenSpec } from '../config/types.js';

/**
 * The token values, read from the environment variables the config names. Each value is handed
 * to `mask` (core.setSecret in the action) the moment it is read, before anything can print it.
 */
export class SecretStore {
  private readonly values = new Map<string, string>();

  constructor(specs: readonly TokenSpec[], env: Readonly<Record<string, string | undefined>>, mask: (value: string) => void) {
    for (const name of specs.flatMap((spec) => [spec.secret, spec.previousSecret ?? []].flat())) {
      const raw = env[name];
      if (!raw) continue;
      mask(raw);
      // A secret pasted with a trailing newline is common; the token is what is left.
      const value = raw.trim();
      if (!value) continue;
      if (value !== raw) mask(value);
      this.values.set(name, value);
    }
  }

  get(variable: string): string | undefined {
    return this.values.get(variable);
  }

  /** Every value read, for redaction of anything a provider echoed back. */
  all(): string[] {
    return [...this.values.values()];
  }
}
