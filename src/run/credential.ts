import type { Credential } from '../http/types.js';
import type { Provider } from '../providers/provider.js';
import { MIN_SECRET_LENGTH } from './redact.js';
import type { SecretStore } from './secrets.js';

export type ReadCredential = { credential: Credential } | { missing: string[] } | { refused: string };

/**
 * The credential a `secret` map names, read from the store: the variables that are unset, or why
 * a value must not be sent (too short to be a real secret), or the parts ready to send.
 */
export function readCredential(parts: Readonly<Record<string, string>>, provider: Provider, secrets: SecretStore): ReadCredential {
  const credential: Record<string, string> = {};
  const missing: string[] = [];
  for (const [part, variable] of Object.entries(parts)) {
    const field = provider.fields.find((f) => f.id === part);
    const value = secrets.get(variable);
    if (value === undefined) {
      if (!field?.optional) missing.push(variable);
      continue;
    }
    if (!field?.identifier && value.length < MIN_SECRET_LENGTH) {
      return {
        refused: `${variable} holds only ${value.length} character${value.length === 1 ? '' : 's'}: too short to be a real credential (a placeholder, or a secret saved cut short?), so it was not sent`,
      };
    }
    credential[part] = value;
  }
  return missing.length ? { missing } : { credential };
}
