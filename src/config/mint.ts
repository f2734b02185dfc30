import type { MintSpec } from '../mint/types.js';
import { showValue } from './echo.js';
import type { ConfigIssue, Place } from './types.js';
import { ENV_NAME } from './schema.js';
import { endpointProblem } from '../providers/endpoint-setting.js';

/** The schema of a `mint:` entry, by its `provider`. */
export function mintSchema() {
  const variable = (what: string) => ({ type: 'string', pattern: ENV_NAME, description: `The environment variable holding ${what} (never the value).` });
  const url = (what: string) => ({ type: 'string', pattern: '^https://', description: `An https:// URL: ${what}` });
  const common = {
    name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'Its row in the report; unique among tokens and mint entries.' },
    export: { type: 'string', pattern: '^(?!GITHUB_|RUNNER_)[A-Za-z_][A-Za-z0-9_]*$', description: 'The environment variable later steps of the job read the minted token from (masked): letters, digits and _, not a GITHUB_ or RUNNER_ name (the runner owns those).' },
  };
  const githubApp = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'provider', 'app-id', 'private-key', 'export'],
    properties: {
      ...common,
      provider: { const: 'github-app' },
      'app-id': variable("the GitHub App's id (or client id)"),
      'private-key': variable("the app's private key (PEM)"),
      owner: { type: 'string', pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$', description: "The installation's account; default: the workflow repository's owner." },
      repositories: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' }, description: "Narrow the token to these repositories of the owner (names, not owner/name)." },
      permissions: { type: 'object', additionalProperties: { enum: ['read', 'write', 'admin'] }, propertyNames: { pattern: '^[a-z_]+$' }, description: 'Narrow the token to these permissions, e.g. { contents: read }.' },
    },
  };
  const oauth2 = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'provider', 'token-url', 'client-id', 'client-secret', 'export'],
    properties: {
      ...common,
      provider: { const: 'oauth2' },
      'token-url': url('The token endpoint (RFC 6749 §3.2); the client credentials go to this host only.'),
      'client-id': variable('the client id'),
      'client-secret': variable('the client secret'),
      scope: { type: 'string', minLength: 1, description: 'The scope asked for (space-separated).' },
      'auth-method': { enum: ['client_secret_basic', 'client_secret_post'], description: 'HTTP Basic (client_secret_basic, the default) or in the form (client_secret_post).' },
      'revocation-url': url('RFC 7009 revocation endpoint: the token is revoked there at the end of the job.'),
      'introspection-url': url('RFC 7662 introspection endpoint: the minted token is checked there.'),
    },
  };
  return {
    type: 'array',
    description: 'Short-lived tokens for the rest of the job: minted, checked, exported masked, revoked in the post step.',
    items: {
      type: 'object',
      required: ['provider'],
      properties: { provider: { enum: ['github-app', 'oauth2'], description: 'github-app (an installation token) or oauth2 (client credentials).' } },
      allOf: [
        { if: { properties: { provider: { const: 'github-app' } }, required: ['provider'] }, then: githubApp },
        { if: { properties: { provider: { const: 'oauth2' } }, required: ['provider'] }, then: oauth2 },
      ],
    },
  };
}

/** The `mint:` entries the schema let through, as specs; what a schema cannot say becomes issues at their lines. */
export function mintSpecs(entries: readonly unknown[], place: (keyPath: Array<string | number>) => Place, tokenNames: ReadonlySet<string>, issues: ConfigIssue[]): MintSpec[] {
  const specs: MintSpec[] = [];
  const names = new Set<string>();
  const exports = new Set<string>();
  entries.forEach((value, i) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const raw = value as Record<string, unknown>;
    const issue = (key: string, message: string) => issues.push({ ...place(['mint', i, key]), key: `mint[${i}].${key}`, message });
    const name = String(raw.name);
    if (tokenNames.has(name) || names.has(name)) issue('name', `duplicate name ${showValue(name)}: a mint entry's name is its row in the report, unique among tokens and mint entries`);
    names.add(name);
    const exported = String(raw.export);
    if (exports.has(exported)) issue('export', `${showValue(exported)} is exported by another mint entry too`);
    exports.add(exported);
    const source = { file: place(['mint', i]).file, line: place(['mint', i]).line };
    if (raw.provider === 'github-app') {
      specs.push({
        provider: 'github-app', name, export: exported, source,
        appIdVariable: String(raw['app-id']), privateKeyVariable: String(raw['private-key']),
        ...(typeof raw.owner === 'string' && { owner: raw.owner }),
        ...(Array.isArray(raw.repositories) && { repositories: raw.repositories.map(String) }),
        ...(isMap(raw.permissions) && { permissions: raw.permissions }),
      });
    } else if (raw.provider === 'oauth2') {
      for (const key of ['token-url', 'revocation-url', 'introspection-url']) {
        const problem = typeof raw[key] === 'string' ? endpointProblem(raw[key]) : undefined;
        if (problem) issue(key, problem);
      }
      specs.push({
        provider: 'oauth2', name, export: exported, source,
        tokenUrl: String(raw['token-url']), clientIdVariable: String(raw['client-id']), clientSecretVariable: String(raw['client-secret']),
        authMethod: raw['auth-method'] === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
        ...(typeof raw.scope === 'string' && { scope: raw.scope }),
        ...(typeof raw['revocation-url'] === 'string' && { revocationUrl: raw['revocation-url'] }),
        ...(typeof raw['introspection-url'] === 'string' && { introspectionUrl: raw['introspection-url'] }),
      });
    }
  });
  return specs;
}

function isMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
