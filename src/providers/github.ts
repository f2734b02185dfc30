import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/client.js';
import { oneLine } from '../sanitize.js';
import { hasValidCrc32Suffix } from './checksum.js';
import type { Ping, PingContext, Provider, ProviderHttp, RateLimit, TokenFacts } from './provider.js';

// Facts below: docs.github.com/en/rest/users/users#get-the-authenticated-user,
// docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps,
// docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api and
// ../shared/research/providers-reference.md §1.

interface TokenKind {
  name: string;
  /** Sends X-OAuth-Scopes (classic PATs, OAuth and legacy tokens). */
  scopesHeader: boolean;
  /** No GitHub-Authentication-Token-Expiration header means the token never expires. */
  absentExpiryMeansNever: boolean;
  ephemeral?: boolean;
  installation?: boolean;
  checksumPrefix?: string;
}

const KINDS: Array<[RegExp, TokenKind]> = [
  [/^ghp_/, { name: 'classic personal access token', scopesHeader: true, absentExpiryMeansNever: true, checksumPrefix: 'ghp_' }],
  [/^github_pat_/, { name: 'fine-grained personal access token', scopesHeader: false, absentExpiryMeansNever: true }],
  [/^gho_/, { name: 'OAuth app token', scopesHeader: true, absentExpiryMeansNever: true, checksumPrefix: 'gho_' }],
  [/^ghu_/, { name: 'GitHub App user access token', scopesHeader: false, absentExpiryMeansNever: false, ephemeral: true, checksumPrefix: 'ghu_' }],
  [/^ghs_/, { name: 'GitHub App installation token', scopesHeader: false, absentExpiryMeansNever: false, ephemeral: true, installation: true, checksumPrefix: 'ghs_' }],
  [/^ghr_/, { name: 'GitHub App refresh token', scopesHeader: false, absentExpiryMeansNever: false, checksumPrefix: 'ghr_' }],
  [/^[0-9a-f]{40}$/, { name: 'legacy token (pre-2021 format)', scopesHeader: true, absentExpiryMeansNever: true }],
];

const UNRECOGNIZED: TokenKind = { name: 'token of an unrecognized format', scopesHeader: true, absentExpiryMeansNever: false };

export function githubTokenKind(token: string): TokenKind {
  return KINDS.find(([pattern]) => pattern.test(token))?.[1] ?? UNRECOGNIZED;
}

/** Broad scopes and the narrower ones they include (GitHub's "Scopes for OAuth apps"). */
const IMPLIED: Record<string, string[]> = {
  repo: ['repo:status', 'repo_deployment', 'public_repo', 'repo:invite', 'security_events'],
  'admin:repo_hook': ['write:repo_hook', 'read:repo_hook'],
  'write:repo_hook': ['read:repo_hook'],
  'admin:org': ['write:org', 'read:org', 'manage_runners:org'],
  'write:org': ['read:org'],
  'admin:public_key': ['write:public_key', 'read:public_key'],
  'write:public_key': ['read:public_key'],
  'admin:org_hook': [],
  user: ['read:user', 'user:email', 'user:follow'],
  'write:packages': ['read:packages'],
  'admin:gpg_key': ['write:gpg_key', 'read:gpg_key'],
  'write:gpg_key': ['read:gpg_key'],
  'admin:ssh_signing_key': ['write:ssh_signing_key', 'read:ssh_signing_key'],
  'write:ssh_signing_key': ['read:ssh_signing_key'],
  project: ['read:project'],
  'admin:enterprise': ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'],
  'manage_billing:enterprise': ['read:enterprise'],
  audit_log: ['read:audit_log'],
  codespace: ['codespace:secrets'],
  copilot: ['manage_billing:copilot'],
};

export const github: Provider = {
  id: 'github',
  title: 'GitHub (github.com, GitHub Enterprise Server, GHE.com)',
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: false },
  defaultHosts: ['api.github.com'],

  baseUrl(configured, env) {
    const url = new URL(configured ?? env.GITHUB_API_URL ?? 'https://api.github.com');
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url;
  },

  async ping(token, ctx) {
    const kind = githubTokenKind(token);
    if (kind.installation) return pingInstallation(token, kind, ctx);
    const res = await ctx.http.get('user', headers(token));
    if (res.status === 200) {
      const user = parseJson(res, 'GET /user') as { login?: unknown; type?: unknown };
      if (typeof user.login !== 'string') throw malformed(res, 'GET /user', 'it has no "login"');
      const facts = factsFrom(res, kind);
      if (user.type === 'Bot') facts.notes = [...(facts.notes ?? []), 'acts as a bot account'];
      return { outcome: 'valid', facts: { ...facts, identity: user.login }, response: res };
    }
    if (res.status === 401) return rejected(token, kind, res);
    if (res.status === 403 && errorMessage(res).includes('Resource not accessible by integration')) {
      // Installation tokens of an unrecognized format end up here: GET /user is not theirs to call.
      return pingInstallation(token, githubTokenKind('ghs_'), ctx);
    }
    throw unexpected(res);
  },

  throttled(res) {
    return res.status === 403 && (res.headers['x-ratelimit-remaining'] === '0' || res.headers['retry-after'] !== undefined);
  },

  expandScopes(scopes) {
    const all = new Set<string>();
    const add = (scope: string) => {
      if (all.has(scope)) return;
      all.add(scope);
      for (const narrower of IMPLIED[scope] ?? []) add(narrower);
    };
    scopes.forEach(add);
    return all;
  },

  looksLikeToken(value) {
    return /^(?:gh[pousr]_[A-Za-z0-9_.]{30,}|github_pat_\w{30,}|[0-9a-f]{40})$/.test(value);
  },
};

/**
 * Installation tokens (including the workflow's GITHUB_TOKEN) get 403 on GET /user, so ask which
 * repositories the installation reaches; GITHUB_TOKEN falls back to the workflow's own repository.
 */
async function pingInstallation(token: string, kind: TokenKind, ctx: PingContext): Promise<Ping> {
  const res = await ctx.http.get('installation/repositories?per_page=1', headers(token));
  if (res.status === 200) {
    const body = parseJson(res, 'GET /installation/repositories') as { total_count?: unknown; repositories?: Array<{ owner?: { login?: unknown } }> };
    if (typeof body.total_count !== 'number' || !Array.isArray(body.repositories)) {
      throw malformed(res, 'GET /installation/repositories', 'it has no "total_count" and "repositories"');
    }
    const owner = body.repositories[0]?.owner?.login;
    const facts = factsFrom(res, kind);
    facts.notes = [`can access ${body.total_count} ${body.total_count === 1 ? 'repository' : 'repositories'}`];
    if (typeof owner === 'string') facts.identity = owner;
    return { outcome: 'valid', facts, response: res };
  }
  if (res.status === 401) return rejected(token, kind, res);
  const repository = ctx.env.GITHUB_REPOSITORY;
  if ((res.status === 403 || res.status === 404) && repository && /^[\w.-]+\/[\w.-]+$/.test(repository)) {
    return pingRepository(token, kind, repository, ctx.http);
  }
  throw unexpected(res);
}

async function pingRepository(token: string, kind: TokenKind, repository: string, http: ProviderHttp): Promise<Ping> {
  const res = await http.get(`repos/${repository}`, headers(token));
  if (res.status === 200) {
    const repo = parseJson(res, 'GET /repos/{owner}/{repo}') as { owner?: { login?: unknown } };
    const facts = factsFrom(res, kind);
    if (typeof repo.owner?.login === 'string') facts.identity = repo.owner.login;
    facts.notes = [`can read ${repository}`];
    return { outcome: 'valid', facts, response: res };
  }
  if (res.status === 401) return rejected(token, kind, res);
  throw unexpected(res);
}

function headers(token: string): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  };
}

function factsFrom(res: HttpResponse, kind: TokenKind): TokenFacts {
  const facts: TokenFacts = { kind: kind.name, rateLimit: rateLimit(res) };
  const scopes = res.headers['x-oauth-scopes'];
  if (kind.scopesHeader && scopes !== undefined) {
    facts.scopes = scopes.split(',').map((s) => s.trim()).filter(Boolean);
  }
  const expiration = res.headers['github-authentication-token-expiration'];
  if (expiration !== undefined) {
    const date = parseExpiration(expiration);
    if (!date) throw malformed(res, 'the GitHub-Authentication-Token-Expiration header', `"${expiration.slice(0, 40)}" is not a date`);
    facts.expiresAt = date;
  } else if (kind.absentExpiryMeansNever) {
    facts.expiresAt = null;
  }
  if (kind.ephemeral) facts.ephemeral = true;
  return facts;
}

/** Both formats GitHub sends: `2024-06-01 00:00:00 UTC` and `2027-03-31 00:00:00 +0900`. */
export function parseExpiration(value: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) (UTC|[+-]\d{2}:?\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const zone = m[3] === 'UTC' ? 'Z' : `${m[3]!.slice(0, 3)}:${m[3]!.slice(-2)}`;
  const date = new Date(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function rateLimit(res: HttpResponse): RateLimit | undefined {
  const limit = Number(res.headers['x-ratelimit-limit']);
  const remaining = Number(res.headers['x-ratelimit-remaining']);
  const reset = Number(res.headers['x-ratelimit-reset']);
  if (res.headers['x-ratelimit-limit'] === undefined) return undefined;
  return {
    limit: Number.isFinite(limit) ? limit : undefined,
    remaining: Number.isFinite(remaining) ? remaining : undefined,
    resetAt: Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : undefined,
  };
}

function rejected(token: string, kind: TokenKind, res: HttpResponse): Ping {
  let message = 'GitHub answered 401 Bad credentials: the token is unknown, revoked or expired (GitHub does not say which)';
  if (kind.checksumPrefix && !hasValidCrc32Suffix(token, kind.checksumPrefix) && !token.includes('.')) {
    message += `; its checksum does not match either, so it was probably truncated or mistyped when the secret was saved`;
  }
  if (kind.installation) message += '; installation tokens expire one hour after they are created';
  if (kind.checksumPrefix === 'ghr_') message += '; a refresh token (ghr_) is not an access token: store the ghu_ token it yields';
  return { outcome: 'rejected', code: 'invalid', message, response: res };
}

function parseJson(res: HttpResponse, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(res.body);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // handled below
  }
  throw malformed(res, what, 'it is not a JSON object');
}

function malformed(res: HttpResponse, what: string, why: string): ProblemError {
  return new ProblemError('unexpected-response', `${res.url.host} answered HTTP ${res.status} to ${what}, but ${why}`);
}

function errorMessage(res: HttpResponse): string {
  try {
    const message = (JSON.parse(res.body) as { message?: unknown }).message;
    return typeof message === 'string' ? oneLine(message, 200) : '';
  } catch {
    return '';
  }
}

function unexpected(res: HttpResponse): ProblemError {
  const message = errorMessage(res);
  const sso = res.headers['x-github-sso'] ? ' (the token is not authorized for this organization\'s SAML SSO)' : '';
  return new ProblemError('unexpected-response', `${res.url.host} answered HTTP ${res.status}${message ? `: ${message}` : ''}${sso}`);
}
