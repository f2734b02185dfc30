import type { HttpRequest, HttpResponse, ProviderHttp } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { hasValidCrc32Suffix } from './checksum.js';
import { fromEpochSeconds, impliedScopes, jsonObject, malformed, parseDate, providerMessage, rateLimitFrom, rejected, unexpected, valid } from './kit.js';
import type { CheckContext, Example, Provider, TokenFacts, Verdict } from './provider.js';

// Facts below: docs.github.com/en/rest/users/users#get-the-authenticated-user,
// docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps,
// docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api,
// docs.github.com/en/rest/authentication/authenticating-to-the-rest-api and
// github.blog/2021-04-05-behind-githubs-new-authentication-token-formats.

interface TokenKind {
  name: string;
  /** Sends X-OAuth-Scopes (classic PATs, OAuth and legacy tokens). */
  scopesHeader: boolean;
  /** No GitHub-Authentication-Token-Expiration header means the token never expires. */
  absentExpiryMeansNever: boolean;
  /** Minted per job (installation tokens, GITHUB_TOKEN): an expiry within the hour is by design. */
  ephemeral?: boolean;
  installation?: boolean;
  checksumPrefix?: string;
}

const KINDS: Array<[RegExp, TokenKind]> = [
  [/^ghp_/, { name: 'classic personal access token', scopesHeader: true, absentExpiryMeansNever: true, checksumPrefix: 'ghp_' }],
  [/^github_pat_/, { name: 'fine-grained personal access token', scopesHeader: false, absentExpiryMeansNever: true }],
  [/^gho_/, { name: 'OAuth app token', scopesHeader: true, absentExpiryMeansNever: true, checksumPrefix: 'gho_' }],
  // A ghu_ token kept in a secret dies within 8 hours: its expiry is exactly what to warn about.
  [/^ghu_/, { name: 'GitHub App user access token', scopesHeader: false, absentExpiryMeansNever: false, checksumPrefix: 'ghu_' }],
  [/^ghs_/, { name: 'GitHub App installation token', scopesHeader: false, absentExpiryMeansNever: false, ephemeral: true, installation: true, checksumPrefix: 'ghs_' }],
  [/^ghr_/, { name: 'GitHub App refresh token', scopesHeader: false, absentExpiryMeansNever: false, checksumPrefix: 'ghr_' }],
  [/^[0-9a-f]{40}$/, { name: 'legacy token (pre-2021 format)', scopesHeader: true, absentExpiryMeansNever: true }],
];

const UNRECOGNIZED: TokenKind = { name: 'token of an unrecognized format', scopesHeader: true, absentExpiryMeansNever: false };

export function githubTokenKind(token: string): TokenKind {
  return KINDS.find(([pattern]) => pattern.test(token))?.[1] ?? UNRECOGNIZED;
}

/**
 * Broad scopes and the narrower ones they include: GitHub's "Scopes for OAuth apps", plus the
 * nesting the token settings page shows for scopes that page omits (discussions, runners, SSH
 * signing keys, Copilot, Codespaces).
 */
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
  'write:discussion': ['read:discussion'],
  'admin:enterprise': ['manage_runners:enterprise', 'manage_billing:enterprise', 'read:enterprise'],
  'manage_billing:enterprise': ['read:enterprise'],
  audit_log: ['read:audit_log'],
  codespace: ['codespace:secrets'],
  copilot: ['manage_billing:copilot'],
};

export const github: Provider = {
  id: 'github',
  title: 'GitHub (github.com, GitHub Enterprise Server, GHE.com)',
  fields: [{ id: 'token', description: 'a personal access, OAuth, App user or installation token', rotates: true }],
  hosts: ['api.github.com'],
  apiRoot: 'https://api.github.com/',
  ping: '`GET /user`; installation tokens `GET /installation/repositories`',
  selfHosted: { env: 'GITHUB_API_URL', example: 'https://ghe.example.com/api/v3' },
  env: ['GITHUB_API_URL', 'GITHUB_REPOSITORY'],
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: true },
  formats: [/^gh[pousr]_[A-Za-z0-9_.]{30,}$/, /^github_pat_\w{30,}$/, /^[0-9a-f]{40}$/],
  examples: githubExamples(),

  async check(credential, ctx) {
    const token = credential.token!;
    const kind = githubTokenKind(token);
    if (kind.installation) return checkInstallation(token, kind, ctx);
    const res = await ctx.http.send(request('user'));
    if (res.status === 200) {
      const user = jsonObject(res, 'GET /user') as { login?: unknown; type?: unknown };
      if (typeof user.login !== 'string') throw malformed(res, 'GET /user', 'it has no "login"');
      const facts = factsFrom(res, kind);
      if (user.type === 'Bot') facts.notes = [...(facts.notes ?? []), 'acts as a bot account'];
      return valid({ ...facts, identity: user.login }, res);
    }
    if (res.status === 401) return refused(token, kind, res);
    if (res.status === 403 && providerMessage(res).includes('Resource not accessible by integration')) {
      // Installation tokens of an unrecognized format end up here: GET /user is not theirs to call.
      return checkInstallation(token, githubTokenKind('ghs_'), ctx);
    }
    throw unexpectedAnswer(res);
  },

  throttling: {
    // Primary limit: 403 or 429 with no quota left. Secondary limits: 403 or 429 whose message says
    // so, often with quota left and no Retry-After (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
    isThrottled: (res) =>
      res.status === 403 &&
      (res.headers['x-ratelimit-remaining'] === '0' || res.headers['retry-after'] !== undefined || /secondary rate limit/i.test(providerMessage(res))),
    retryDelayMs: (res, now) => {
      if (res.headers['x-ratelimit-remaining'] !== '0') return undefined;
      const reset = fromEpochSeconds(res.headers['x-ratelimit-reset']);
      return reset ? Math.max(0, reset.getTime() - now) : undefined;
    },
  },

  expandScopes: impliedScopes(IMPLIED),
};

/**
 * Installation tokens (including the workflow's GITHUB_TOKEN) get 403 on GET /user, so ask which
 * repositories the installation reaches; GITHUB_TOKEN falls back to the workflow's own repository.
 */
async function checkInstallation(token: string, kind: TokenKind, ctx: CheckContext): Promise<Verdict> {
  const res = await ctx.http.send(request('installation/repositories?per_page=1'));
  if (res.status === 200) {
    const body = jsonObject(res, 'GET /installation/repositories') as { total_count?: unknown; repositories?: Array<{ owner?: { login?: unknown } }> };
    if (typeof body.total_count !== 'number' || !Array.isArray(body.repositories)) {
      throw malformed(res, 'GET /installation/repositories', 'it has no "total_count" and "repositories"');
    }
    const owner = body.repositories[0]?.owner?.login;
    const facts = factsFrom(res, kind);
    facts.notes = [...(facts.notes ?? []), `can access ${body.total_count} ${body.total_count === 1 ? 'repository' : 'repositories'}`];
    if (typeof owner === 'string') facts.identity = owner;
    return valid(facts, res);
  }
  if (res.status === 401) return refused(token, kind, res);
  const repository = ctx.env.GITHUB_REPOSITORY;
  if ((res.status === 403 || res.status === 404) && ctx.purpose === 'preflight' && repository && /^[\w.-]+\/[\w.-]+$/.test(repository)) {
    return checkRepository(token, kind, repository, ctx.http);
  }
  throw unexpectedAnswer(res);
}

async function checkRepository(token: string, kind: TokenKind, repository: string, http: ProviderHttp): Promise<Verdict> {
  const res = await http.send(request(`repos/${repository}`));
  if (res.status === 200) {
    const repo = jsonObject(res, 'GET /repos/{owner}/{repo}') as { owner?: { login?: unknown } };
    const facts = factsFrom(res, kind);
    if (typeof repo.owner?.login === 'string') facts.identity = repo.owner.login;
    facts.notes = [...(facts.notes ?? []), `can read ${repository}`];
    return valid(facts, res);
  }
  if (res.status === 401) return refused(token, kind, res);
  throw unexpectedAnswer(res);
}

function request(path: string): HttpRequest {
  return {
    url: path,
    auth: { bearer: '${token}' },
    headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
  };
}

function factsFrom(res: HttpResponse, kind: TokenKind): TokenFacts {
  const facts: TokenFacts = { kind: kind.name, rateLimit: rateLimitFrom(res, GITHUB_RATE_LIMIT) };
  const scopes = res.headers['x-oauth-scopes'];
  if (kind.scopesHeader && scopes !== undefined) {
    facts.scopes = scopes.split(',').map((s) => s.trim()).filter(Boolean);
  }
  const expiration = res.headers['github-authentication-token-expiration'];
  if (expiration !== undefined) {
    const date = parseExpiration(expiration);
    if (!date) throw malformed(res, 'the GitHub-Authentication-Token-Expiration header', `"${oneLine(expiration, 40)}" is not a date`);
    facts.expiresAt = date;
  } else if (kind.absentExpiryMeansNever) {
    facts.expiresAt = null;
  }
  if (kind.ephemeral) facts.ephemeral = true;
  // `X-GitHub-SSO: partial-results; organizations=…`: some organizations' SAML SSO has not authorized the token.
  if (/partial-results/i.test(res.headers['x-github-sso'] ?? '')) {
    facts.notes = ['not authorized for the SAML single sign-on of some organizations: their resources are left out of its answers'];
  }
  return facts;
}

const GITHUB_RATE_LIMIT = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetFormat: 'epoch-seconds' } as const;

/** Both formats GitHub sends: `2024-06-01 00:00:00 UTC` and `2027-03-31 00:00:00 +0900`. */
export function parseExpiration(value: string): Date | undefined {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (UTC|[+-]\d{2}:?\d{2})$/.test(value.trim()) ? parseDate(value) : undefined;
}

function refused(token: string, kind: TokenKind, res: HttpResponse): Verdict {
  let message = 'GitHub answered 401 Bad credentials: the token is unknown, revoked or expired (GitHub does not say which)';
  if (kind.checksumPrefix && !hasValidCrc32Suffix(token, kind.checksumPrefix) && !token.includes('.')) {
    message += `; its checksum does not match either, so it was probably truncated or mistyped when the secret was saved`;
  }
  if (kind.installation) message += '; installation tokens expire one hour after they are created';
  if (kind.checksumPrefix === 'ghr_') message += '; a refresh token (ghr_) is not an access token: store the ghu_ token it yields';
  return rejected('invalid', message, res);
}

function unexpectedAnswer(res: HttpResponse) {
  const sso = /required/i.test(res.headers['x-github-sso'] ?? '') ? " (the token is not authorized for this organization's SAML SSO)" : '';
  return unexpected(res, sso);
}

/**
 * Answers as GitHub's REST docs show them: the user of docs.github.com/en/rest/users/users
 * ("Get the authenticated user", its example response, trimmed), the installation repositories of
 * docs.github.com/en/rest/apps/installations, the rate-limit headers of
 * docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api and the expiration
 * header in the form GitHub sends (`2027-03-31 00:00:00 +0900`).
 */
function githubExamples(): Example[] {
  // Checksum-valid example tokens (the CRC-32 suffix holds).
  const classic = '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';
  const installation = 'ghs_EXAMPLEinstallationTOKEN01234527jRKO';
  const user = { login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', site_admin: false, name: 'monalisa octocat' };
  const rate = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-used': '1', 'x-ratelimit-reset': '1798761600', 'x-ratelimit-resource': 'core' };
  const docs = 'docs.github.com/en/rest/users/users#get-the-authenticated-user (example response)';
  return [
    {
      name: 'a classic token with scopes and no expiry',
      source: `${docs}; X-OAuth-Scopes per docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps`,
      credential: { token: classic },
      responses: [{ path: '/user', status: 200, headers: { ...rate, 'x-oauth-scopes': 'repo, read:org' }, body: user }],
      verdict: { outcome: 'valid', facts: { identity: 'octocat', scopes: ['repo', 'read:org'], expiresAt: null, rateLimit: { limit: 5000, remaining: 4999 } } },
    },
    {
      name: 'a token that expires',
      source: `${docs}; GitHub-Authentication-Token-Expiration as GitHub sends it`,
      credential: { token: classic },
      responses: [{ path: '/user', status: 200, headers: { ...rate, 'github-authentication-token-expiration': '2027-03-31 00:00:00 +0900' }, body: user }],
      verdict: { outcome: 'valid', facts: { expiresAt: new Date('2027-03-30T15:00:00Z') } },
    },
    {
      name: 'an installation token',
      source: 'docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation (example response, trimmed)',
      credential: { token: installation },
      responses: [
        {
          path: '/installation/repositories',
          status: 200,
          headers: rate,
          body: { total_count: 1, repository_selection: 'selected', repositories: [{ id: 1296269, full_name: 'octocat/Hello-World', owner: { login: 'octocat', type: 'User' } }] },
        },
      ],
      verdict: { outcome: 'valid', facts: { identity: 'octocat', ephemeral: true, notes: ['can access 1 repository'] } },
    },
    {
      name: 'bad credentials',
      source: 'docs.github.com/en/rest/authentication/authenticating-to-the-rest-api (401 Bad credentials)',
      credential: { token: classic },
      responses: [{ path: '/user', status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: "an organization's SAML SSO not authorized",
      source: 'docs.github.com/en/enterprise-cloud@latest/rest/using-the-rest-api/troubleshooting-the-rest-api (X-GitHub-SSO: required)',
      credential: { token: classic },
      responses: [{ path: '/user', status: 403, headers: { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=x' }, body: { message: 'Resource protected by organization SAML enforcement.' } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ];
}
