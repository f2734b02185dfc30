import type { Provider } from './provider.js';
import { PROVIDERS } from './registry.js';

/** What each provider needs and tells: the `providers` command and the README's table are made from it. */
export interface CatalogEntry {
  id: string;
  title: string;
  hosts: string[];
  identity: boolean;
  scopes: boolean;
  expiry: boolean;
  mode: boolean;
  verifiesLeaks: boolean;
  /** The credential's parts, as `secret: { part: VARIABLE }` names them. */
  parts: Array<{ id: string; description: string; optional?: boolean }>;
  modes?: string[] | { pattern: string; description: string };
  /** Takes `base-url` (a self-hosted instance), with this example. */
  baseUrl?: string;
  /** Its own config keys (the generic http provider's request, expect, …). */
  keys?: string[];
}

export function providerCatalog(providers: readonly Provider[] = PROVIDERS): CatalogEntry[] {
  return providers.map((p) => ({
    id: p.id,
    title: p.title,
    hosts: [...p.hosts],
    ...p.can,
    parts: p.fields.map((f) => ({ id: f.id, description: f.description, ...(f.optional ? { optional: true } : {}) })),
    ...(p.modes ? { modes: 'values' in p.modes ? [...p.modes.values] : { pattern: p.modes.pattern, description: p.modes.description } } : {}),
    ...(p.selfHosted ? { baseUrl: p.selfHosted.example } : {}),
    ...(p.settings ? { keys: Object.keys(p.settings.properties) } : {}),
  }));
}

/** The README's provider table (between its generated-table markers). */
export function providerTable(entries: CatalogEntry[] = providerCatalog()): string {
  const yes = (b: boolean) => (b ? '✓' : '');
  const rows = entries.map((e) => {
    const secret = e.parts.length === 1 ? '`secret: VAR`' : `\`secret: { ${e.parts.map((p) => `${p.id}: VAR${p.optional ? ' (optional)' : ''}`).join(', ')} }\``;
    const config = [secret, e.baseUrl ? `\`base-url\` (e.g. ${e.baseUrl})` : '', e.keys ? e.keys.map((k) => `\`${k}\``).join(', ') : ''].filter(Boolean).join('<br>');
    const modes = e.modes ? (Array.isArray(e.modes) ? e.modes.join(', ') : e.modes.description) : '';
    const hosts = e.hosts.length ? e.hosts.map((h) => `\`${h}\``).join(', ') : 'the request URL\'s host';
    return `| \`${e.id}\` | ${e.title} | ${config} | ${hosts} | ${yes(e.identity)} | ${yes(e.scopes)} | ${yes(e.expiry)} | ${modes} | ${yes(e.verifiesLeaks)} |`;
  });
  return [
    '| provider | for | config | sent only to | identity | scopes | expiry | modes | verifies leaks |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
