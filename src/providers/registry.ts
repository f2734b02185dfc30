import { github } from './github.js';
import { http } from './http.js';
import type { Provider } from './provider.js';
import { twilio } from './twilio.js';

/**
 * Every provider token-preflight knows. A new provider is one file in this folder and one line
 * here; the config schema, the `providers` command and the README's table are generated from it.
 */
export const PROVIDERS: readonly Provider[] = [github, twilio, http];

export function findProvider(id: string): Provider | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}

export function providerIds(): string[] {
  return PROVIDERS.map((provider) => provider.id);
}

/** The part that `previous-secret: VARIABLE` replaces: the one marked `rotates`, else the only one. */
export function rotatingField(provider: Provider): string {
  return (provider.fields.find((field) => field.rotates) ?? provider.fields[0]!).id;
}
