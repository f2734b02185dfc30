import { github } from './github.js';
import type { Provider } from './provider.js';

/** Every provider token-preflight knows. A new provider is one file in this folder and one line here. */
export const PROVIDERS: readonly Provider[] = [github];

export function findProvider(id: string): Provider | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}

export function providerIds(): string[] {
  return PROVIDERS.map((provider) => provider.id);
}
