// `mint:` — short-lived tokens for the rest of the job: made before the checks (each is checked
// like a configured token, its row named after it), exported masked to later steps, and revoked by
// the action's post step, which the runner runs at the end of the job even when it failed.
import * as core from '@actions/core';
import type { Dispatcher } from 'undici';
import { explainMissingSecret } from '../check/missing-secret.js';
import { problem, ProblemError } from '../check/problems.js';
import type { TokenSpec } from '../config/types.js';
import { HttpClient } from '../http/client.js';
import { mintAppToken, revokeAppToken, type AppClientOptions } from '../mint/github-app.js';
import { mintClientToken, revokeClientToken } from '../mint/oauth2.js';
import type { MintSpec, Revocable } from '../mint/types.js';
import type { MintedRow } from '../run/minted.js';
import { MIN_SECRET_LENGTH } from '../run/redact.js';
import { VERSION } from '../version.js';
import { readRunContext } from './context.js';
import { describeGitHubError } from './github-api.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The action's state key holding what the post step revokes. */
export const MINTED_STATE = 'minted';

export interface MintDeps {
  env: Env;
  dispatcher: Dispatcher;
  timeoutMs: number;
  expiryWarningDays: number;
  now?: () => Date;
  /** Tests only: Octokit's fetch for the GitHub App calls. */
  fetch?: typeof globalThis.fetch;
}

export interface Minted {
  rows: MintedRow[];
  /** The exported values, to hand to the engine's environment (the runner's takes effect in later steps). */
  exported: Record<string, string>;
}

/** Mints every entry; a failure is that entry's failing row, never the run's end. */
export async function mintTokens(specs: readonly MintSpec[], deps: MintDeps): Promise<Minted> {
  const now = deps.now ?? (() => new Date());
  const rows: MintedRow[] = [];
  const exported: Record<string, string> = {};
  const revocables: Revocable[] = [];
  for (const spec of specs) {
    const base = { name: spec.name, provider: spec.provider, source: spec.source, notes: [] as string[], expiryWarningDays: deps.expiryWarningDays };
    try {
      const made = await mintOne(spec, deps, now());
      core.setSecret(made.token);
      core.exportVariable(spec.export, made.token);
      exported[spec.export] = made.token;
      if (made.revocable) revocables.push(made.revocable);
      rows.push({ ...base, ...made.row, notes: [...made.row.notes, `exported as ${spec.export}`, made.revocable ? 'revoked at the end of the job' : 'not revoked at the end of the job: no revocation endpoint'] });
    } catch (error) {
      // A fork's pull request or a Dependabot run gets no secrets: that entry is skipped, as a token would be.
      const missing = error instanceof MissingVariable ? explainMissingSecret(error.variable, false, readRunContext(deps.env)) : undefined;
      rows.push(missing?.skip ? { ...base, skipReason: missing.message } : { ...base, failure: failureOf(error, spec) });
    }
  }
  // The post step revokes them; the state is the runner's own file for this step, the tokens masked.
  if (revocables.length) core.saveState(MINTED_STATE, JSON.stringify(revocables));
  return { rows, exported };
}

interface MadeToken {
  token: string;
  row: Pick<MintedRow, 'spec' | 'facts' | 'notes'>;
  revocable?: Revocable;
}

async function mintOne(spec: MintSpec, deps: MintDeps, now: Date): Promise<MadeToken> {
  if (spec.provider === 'github-app') {
    const appId = read(deps.env, spec.appIdVariable, spec.name, false);
    const privateKey = read(deps.env, spec.privateKeyVariable, spec.name, true);
    const [owner = '', repo = ''] = (deps.env.GITHUB_REPOSITORY ?? '').split('/');
    const made = await mintAppToken(spec, { appId, privateKey }, { owner, repo }, appClient(deps));
    return {
      token: made.token,
      row: {
        // Checked like any GitHub token: the installation token's own call, identity and expiry.
        spec: mintedSpec(spec, 'github', { token: spec.export }, {}),
        notes: [`minted from GitHub App ${appId}`, `repositories: ${made.repositories || 'all'}`, ...(made.permissions.length ? [`permissions: ${made.permissions.join(', ')}`] : [])],
      },
      revocable: { name: spec.name, provider: 'github-app', token: made.token, apiUrl: deps.env.GITHUB_API_URL || 'https://api.github.com' },
    };
  }
  const clientId = read(deps.env, spec.clientIdVariable, spec.name, false);
  const clientSecret = read(deps.env, spec.clientSecretVariable, spec.name, true);
  const made = await mintClientToken(spec, { clientId, clientSecret }, httpClient({ ...deps, secrets: [clientSecret] }), now);
  const row: MadeToken['row'] = spec.introspectionUrl
    ? { spec: mintedSpec(spec, 'oauth2', { token: spec.export, 'client-id': spec.clientIdVariable, 'client-secret': spec.clientSecretVariable }, { 'introspection-url': spec.introspectionUrl, 'auth-method': spec.authMethod }), notes: ['minted by the client credentials grant'] }
    : {
        facts: { kind: `OAuth 2.0 ${made.tokenType ?? 'access'} token (client credentials)`, ephemeral: true, ...(made.scopes && { scopes: made.scopes }), ...(made.expiresAt && { expiresAt: made.expiresAt }) },
        notes: ['minted by the client credentials grant; not introspected (no introspection-url)'],
      };
  return {
    token: made.token,
    row,
    ...(spec.revocationUrl && {
      revocable: { name: spec.name, provider: 'oauth2', token: made.token, revocationUrl: spec.revocationUrl, clientIdVariable: spec.clientIdVariable, clientSecretVariable: spec.clientSecretVariable, authMethod: spec.authMethod },
    }),
  };
}

/**
 * The post step: revokes what `mint:` made, each independently; a failure is a warning naming the
 * token, never a failed job (the job's outcome is already decided).
 */
export async function revokeMinted(deps: Omit<MintDeps, 'expiryWarningDays' | 'now'>, state: string = core.getState(MINTED_STATE)): Promise<void> {
  if (!state) return;
  let revocables: Revocable[];
  try {
    revocables = JSON.parse(state) as Revocable[];
  } catch {
    core.warning('token-preflight: the minted tokens could not be read back from the step state; they expire on their own.');
    return;
  }
  for (const minted of revocables) core.setSecret(minted.token);
  for (const minted of revocables) {
    try {
      if (minted.provider === 'github-app') await revokeAppToken(minted.token, { ...appClient(deps), apiUrl: minted.apiUrl });
      else {
        const clientId = read(deps.env, minted.clientIdVariable, minted.name, false);
        const clientSecret = read(deps.env, minted.clientSecretVariable, minted.name, true);
        await revokeClientToken(minted.revocationUrl, minted.token, { clientId, clientSecret }, minted.authMethod, httpClient({ ...deps, secrets: [minted.token, clientSecret] }));
      }
      core.info(`token-preflight: revoked the minted token ${minted.name}`);
    } catch (error) {
      const why = error instanceof ProblemError ? error.message : describeGitHubError(error, minted.token);
      core.warning(`token-preflight: could not revoke the minted token ${minted.name}: ${why}. It expires on its own; revoke it by hand if it must not live that long.`);
    }
  }
}

function mintedSpec(spec: MintSpec, provider: string, secret: Record<string, string>, settings: Record<string, unknown>): TokenSpec {
  return { name: spec.name, provider, secret, optional: false, expiryWarningDays: 0, rejectInvalid: false, settings, source: spec.source };
}

/** A variable a mint entry needs is unset or empty. */
class MissingVariable extends ProblemError {
  constructor(
    readonly variable: string,
    entry: string,
  ) {
    super('missing-secret', `${variable} is unset or empty: mint entry ${entry} needs it`);
  }
}

/** A variable the entry names, masked as it is read when it is a secret (a private key line by line). */
function read(env: Env, variable: string, entry: string, secret: boolean): string {
  const value = env[variable]?.trim();
  if (!value) throw new MissingVariable(variable, entry);
  if (secret) for (const line of value.split(/\r?\n/)) if (line.trim().length >= MIN_SECRET_LENGTH) core.setSecret(line.trim());
  return value;
}

function appClient(deps: Pick<MintDeps, 'env' | 'timeoutMs' | 'fetch'>): AppClientOptions {
  return { apiUrl: deps.env.GITHUB_API_URL, signal: AbortSignal.timeout(deps.timeoutMs * 3), ...(deps.fetch && { fetch: deps.fetch }) };
}

function httpClient(deps: Pick<MintDeps, 'dispatcher' | 'timeoutMs'> & { secrets?: string[] }): HttpClient {
  const secrets = deps.secrets ?? [];
  return new HttpClient({
    dispatcher: deps.dispatcher,
    timeoutMs: deps.timeoutMs,
    userAgent: `token-preflight/${VERSION}`,
    redact: (text) => secrets.reduce((t, s) => t.split(s).join('***'), text),
    onSecret: (value) => core.setSecret(value),
  });
}

function failureOf(error: unknown, spec: MintSpec) {
  if (error instanceof ProblemError) return problem(error.code, `could not mint: ${error.message}`);
  const status = (error as { status?: unknown }).status;
  const said = describeGitHubError(error, '');
  if (spec.provider === 'github-app' && (status === 401 || status === 404)) {
    return problem('invalid', `could not mint: ${said}${status === 404 ? ' — is the app installed on that repository?' : ' — check the app id and its private key'}`);
  }
  return problem('unreachable', `could not mint: ${said}`);
}
