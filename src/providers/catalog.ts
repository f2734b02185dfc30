import type { Provider } from './provider.js';
import { PROVIDERS } from './registry.js';

/** What each provider needs and tells: the `providers` command and the README's table are made from it. */
export interface CatalogEntry {
  id: string;
  title: string;
  hosts: string[];
  /** Where its credentials go when one of its own keys names the host. */
  hostsFrom?: string;
  /** The request its check makes. */
  ping?: string;
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
  /** Its own config keys (a site, a region; the generic http provider's request, expect, …). */
  keys?: string[];
  /** Each of its own keys: what it holds, the values it takes, whether it is required. */
  settings?: Array<{ key: string; description: string; values?: string[]; required?: boolean }>;
}

export function providerCatalog(providers: readonly Provider[] = PROVIDERS): CatalogEntry[] {
  return providers.map((p) => ({
    id: p.id,
    title: p.title,
    hosts: [...p.hosts],
    ...(p.hostsFrom ? { hostsFrom: p.hostsFrom } : {}),
    ...(p.ping ? { ping: p.ping } : {}),
    ...p.can,
    parts: p.fields.map((f) => ({ id: f.id, description: f.description, ...(f.optional ? { optional: true } : {}) })),
    ...(p.modes ? { modes: 'values' in p.modes ? [...p.modes.values] : { pattern: p.modes.pattern, description: p.modes.description } } : {}),
    ...(p.selfHosted ? { baseUrl: p.selfHosted.example } : {}),
    ...(p.settings ? { keys: Object.keys(p.settings.properties), settings: settingsOf(p) } : {}),
  }));
}

function settingsOf(p: Provider): NonNullable<CatalogEntry['settings']> {
  return Object.entries(p.settings!.properties).map(([key, schema]) => {
    const values = Array.isArray(schema.enum) ? schema.enum.map(String) : undefined;
    const required = p.settings!.required?.includes(key) ?? false;
    return { key, description: typeof schema.description === 'string' ? schema.description : '', ...(values ? { values } : {}), ...(required ? { required } : {}) };
  });
}

/** The README's provider table (between its generated-table markers). */
export function providerTable(entries: CatalogEntry[] = providerCatalog()): string {
  const yes = (b: boolean) => (b ? '✓' : '');
  const rows = entries.map((e) => {
    const secret = e.parts.length === 1 ? '`secret: VAR`' : `\`secret: { ${e.parts.map((p) => `${p.id}: VAR${p.optional ? ' (optional)' : ''}`).join(', ')} }\``;
    const config = [secret, e.baseUrl ? `\`base-url\` (e.g. ${e.baseUrl})` : '', e.keys ? e.keys.map((k) => `\`${k}\``).join(', ') : ''].filter(Boolean).join('<br>');
    const modes = e.modes ? (Array.isArray(e.modes) ? e.modes.join(', ') : e.modes.description) : '';
    const hosts = e.hostsFrom ?? (e.hosts.map((h) => `\`${h}\``).join(', ') || '—');
    return `| \`${e.id}\` | ${e.title}${e.ping ? `<br>${cell(e.ping)}` : ''} | ${config} | ${hosts} | ${yes(e.identity)} | ${yes(e.scopes)} | ${yes(e.expiry)} | ${modes} | ${yes(e.verifiesLeaks)} |`;
  });
  return [
    '| provider | for, and its check | config | sent only to | identity | scopes | expiry | modes | verifies leaks |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    "Each provider's own keys, beside `secret` in its token entry:",
    '',
    '| provider | key | what it holds |',
    '|---|---|---|',
    ...entries.flatMap((e) =>
      (e.settings ?? []).map((s) => {
        const values = s.values ? ` One of: ${s.values.map((v) => `\`${v}\``).join(', ')}.` : '';
        return `| \`${e.id}\` | \`${s.key}\`${s.required ? ' (required)' : ''} | ${cell(s.description)}${values} |`;
      }),
    ),
  ].join('\n');
}

/** Text in a Markdown table cell: no line break, no column separator. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}
