import { ProblemError } from '../check/problems.js';
import type { HttpResponse, ProviderHttp } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Example, Provider, TokenFacts } from './provider.js';

// The check is the registry token service that `docker login` and every pull use, with the
// request Docker documents for reading the pull rate limit (docs.docker.com/docker-hub/usage/pulls,
// "View pull rate and limit"): GET auth.docker.io/token with Basic username:token, then HEAD of a
// manifest, which counts as no pull. Token service: docs.docker.com/reference/api/registry/auth.
//
// Not POST hub.docker.com/v2/auth/token: that creates a Hub login session, and a check must not.
// The registry token is only a short-lived pull grant: it is kept by the session (masked) for the
// HEAD and read no further — its claims are opaque by the specification and name no user.

const REGISTRY = 'https://registry-1.docker.io';
const RATE_PROBE = 'ratelimitpreview/test';

export const dockerHub: Provider = {
  id: 'docker-hub',
  title: 'Docker Hub',
  ping: '`GET auth.docker.io/token` (a pull token for a public image), then `HEAD` of its manifest for the pull limit (not a pull)',
  fields: [
    { id: 'username', description: 'the Docker ID (the organization name for an organization access token)', identifier: true },
    { id: 'token', description: 'a personal access token (dckr_pat_…) or organization access token (dckr_oat_…)', rotates: true },
  ],
  hosts: ['auth.docker.io', 'registry-1.docker.io'],
  apiRoot: 'https://auth.docker.io/',
  can: { identity: false, scopes: false, expiry: false, mode: false, verifiesLeaks: false },
  // Lengths as secret scanners read them (trufflehog dockerhub v2; the 27-character organization
  // token of Docker's own Hub API example, docker/portcullis rules.go).
  formats: [/^dckr_pat_[A-Za-z0-9_-]{27}$/, /^dckr_oat_[A-Za-z0-9_-]{27}(?:[A-Za-z0-9_-]{5})?$/],
  examples: dockerHubExamples(),

  async check(credential, ctx) {
    const res = await ctx.http.send({
      url: 'token',
      query: { service: 'registry.docker.io', scope: `repository:${RATE_PROBE}:pull` },
      auth: { basic: { username: '${username}', password: '${token}' } },
      headers: { accept: 'application/json' },
    });
    if (res.status === 401) {
      const said = detailsOf(res);
      return rejected('invalid', `Docker Hub refused the username and token${said ? ` (${said})` : ''}: a wrong, revoked or expired token, or a username other than the token's Docker ID or organization`, res);
    }
    if (res.status !== 200) throw unexpected(res);
    const body = jsonObject(res, 'GET /token');
    const grant = typeof body.token === 'string' && body.token ? body.token : body.access_token;
    if (typeof grant !== 'string' || !grant) throw malformed(res, 'GET /token', 'it has no "token"');
    ctx.http.remember('registry-token', grant);
    return valid({ kind: kindOf(credential.token!), ...(await pullRateLimit(ctx.http)) }, res);
  },
};

function kindOf(token: string): string {
  if (token.startsWith('dckr_pat_')) return 'personal access token';
  if (token.startsWith('dckr_oat_')) return 'organization access token';
  return 'password or access token of an older format';
}

/** `{"details":"incorrect username or password"}`: the token service's own words. */
function detailsOf(res: HttpResponse): string {
  const details = (tryJson(res.body) as { details?: unknown } | undefined)?.details;
  return typeof details === 'string' ? oneLine(details, 120) : '';
}

/**
 * The pull rate limit (`ratelimit-limit: 100;w=21600`, `ratelimit-remaining: 76;w=21600`). Absent
 * headers mean no limit applies; a failed HEAD leaves it unknown, as the credential is already
 * proven.
 */
async function pullRateLimit(http: ProviderHttp): Promise<Pick<TokenFacts, 'rateLimit' | 'notes'>> {
  let res: HttpResponse;
  try {
    res = await http.send({ method: 'HEAD', url: `${REGISTRY}/v2/${RATE_PROBE}/manifests/latest`, auth: { bearer: '${registry-token}' } });
  } catch (error) {
    if (error instanceof ProblemError) return { notes: [`pull rate limit not read: ${error.message}`] };
    throw error;
  }
  const limit = /^(\d{1,9});w=(\d{1,9})$/.exec(res.headers['ratelimit-limit']?.trim() ?? '');
  const remaining = /^(\d{1,9})(?:;w=\d{1,9})?$/.exec(res.headers['ratelimit-remaining']?.trim() ?? '');
  if (res.status !== 200 || (!limit && !remaining)) return {};
  const hours = limit ? Number(limit[2]) / 3600 : undefined;
  return {
    rateLimit: { limit: limit ? Number(limit[1]) : undefined, remaining: remaining ? Number(remaining[1]) : undefined },
    notes: hours ? [`pulls counted over a rolling ${Number.isInteger(hours) ? `${hours}-hour` : `${limit![2]}-second`} window`] : undefined,
  };
}

function dockerHubExamples(): Example[] {
  const credential = { username: 'docker-test', token: 'dckr_pat_EXAMPLEexampleEXAMPLE012345' };
  const tokenQuery = '/token?service=registry.docker.io&scope=repository%3Aratelimitpreview%2Ftest%3Apull';
  const grant = { token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2lnbmF0dXJl', access_token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.e30.c2lnbmF0dXJl', expires_in: 300, issued_at: '2023-06-03T23:43:21.173248074Z' };
  const manifest = `/v2/${RATE_PROBE}/manifests/latest`;
  return [
    {
      name: 'a working personal access token, with its pull rate limit',
      source:
        'token response fields of docs.docker.com/reference/api/registry/auth (expires_in 300, issued_at as auth.docker.io sends them); rate-limit headers as recorded in gist.github.com/jeversol/369009aaad4cd2cd8e2610fa68d4c4be (HEAD …/ratelimitpreview/test/manifests/latest), remaining changed',
      credential,
      responses: [
        { path: tokenQuery, origin: 'https://auth.docker.io', status: 200, body: grant },
        { method: 'HEAD', path: manifest, origin: REGISTRY, status: 200, headers: { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '76;w=21600', 'docker-ratelimit-source': '2600:3c00::' }, body: '' },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'personal access token', rateLimit: { limit: 100, remaining: 76 }, notes: ['pulls counted over a rolling 6-hour window'] } },
    },
    {
      name: 'no rate-limit headers (no pull limit applies)',
      source: 'docs.docker.com/docker-hub/usage/pulls ("View pull rate and limit": no RateLimit headers when no limit applies)',
      credential: { username: 'acme', token: 'dckr_oat_EXAMPLEexampleEXAMPLE012345' },
      responses: [
        { path: tokenQuery, origin: 'https://auth.docker.io', status: 200, body: grant },
        { method: 'HEAD', path: manifest, origin: REGISTRY, status: 200, body: '' },
      ],
      verdict: { outcome: 'valid', facts: { kind: 'organization access token' } },
    },
    {
      name: 'a wrong username or token',
      source: 'google/go-containerregistry pkg/v1/remote/transport/error_test.go (TestCheckErrorNotError: 401 {"details":"incorrect username or password"}); the same body in jib and docker-registry-client logs of GET auth.docker.io/token',
      credential,
      responses: [{ path: tokenQuery, origin: 'https://auth.docker.io', status: 401, body: { details: 'incorrect username or password' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a 200 without a token',
      source: 'hand-written: a grant without its token proves nothing',
      credential,
      responses: [{ path: tokenQuery, origin: 'https://auth.docker.io', status: 200, body: { expires_in: 300 } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'the token service failing',
      source: 'hand-written: a 503 after retries is no verdict',
      credential,
      responses: [{ path: tokenQuery, origin: 'https://auth.docker.io', status: 503, body: 'Service Unavailable' }],
      verdict: { outcome: 'unknown' },
    },
  ];
}
