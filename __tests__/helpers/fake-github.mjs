// A fake GitHub REST API over real TLS, for the end-to-end tests and the benchmarks.
// Plain ESM with types in fake-github.d.mts, so `node bench/*.mjs` and the Vitest suites share it.
//
// It answers as GitHub does, chosen by the bearer token of each request, and records every
// request (method, path, Host, Authorization, TLS server name) so a test can assert which token
// went where. It serves the TEST-ONLY certificate of __tests__/fixtures/tls (api.github.com,
// ghe.example.com, api.acme.ghe.com): a bundle spawned with NODE_EXTRA_CA_CERTS=ca.pem and
// HTTPS_PROXY pointing at the test proxy (./proxy.mjs) reaches it under the real host names.
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { base62Crc32 } from '../../src/providers/checksum.ts';

const TLS_DIR = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));
export const CA_PATH = `${TLS_DIR}ca.pem`;
export const SERVER_CERT_PATH = `${TLS_DIR}server.pem`;
export const SERVER_KEY_PATH = `${TLS_DIR}server-key.pem`;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const DEFAULT_SENTINEL = 'SENTINEL';

/**
 * A checksum-valid GitHub token: `prefix` + 30 random base62 characters + the base62 CRC-32 of
 * those 30 (src/providers/checksum.ts). The random part starts with `sentinel`, so a leak is easy
 * to grep for; the rest is random, so every minted token is distinct.
 */
export function mintGitHubToken(prefix = 'ghp_', sentinel = DEFAULT_SENTINEL) {
  if (sentinel.length > 20 || /[^0-9A-Za-z]/.test(sentinel)) throw new Error('sentinel: up to 20 base62 characters');
  let random = sentinel;
  while (random.length < 30) random += BASE62[randomInt(62)];
  return `${prefix}${random}${base62Crc32(random)}`;
}

/** The 30 random characters of a minted token (between the prefix and the checksum). */
export function randomPartOf(token) {
  const body = token.slice(token.indexOf('_') + 1);
  return body.slice(0, 30);
}

/** `2026-12-01 00:00:00 UTC`, the form of GitHub's GitHub-Authentication-Token-Expiration header. */
export function githubExpirationHeader(date) {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const DAY_MS = 86_400_000;
export const daysFromNow = (days) => new Date(Date.now() + days * DAY_MS);

// --- Response bodies -------------------------------------------------------------------------

/**
 * GET /user, 200: the authenticated user.
 * https://docs.github.com/en/rest/users/users#get-the-authenticated-user
 * (trimmed to the fields a "private user" response always has; token-preflight reads `login` and `type`).
 */
function userBody(login, type) {
  const id = 1000 + (hash(login) % 100_000);
  return {
    login,
    id,
    node_id: `U_kgDO${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
    type,
    site_admin: false,
    name: login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 2,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: 1,
    owned_private_repos: 1,
    two_factor_authentication: true,
  };
}

/**
 * GET /installation/repositories?per_page=1, 200: repositories the installation token can reach.
 * https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation
 */
function installationRepositoriesBody(owner, repo, totalCount) {
  return {
    total_count: totalCount,
    repository_selection: 'selected',
    repositories: [repositoryBody(owner, repo)],
  };
}

/** GET /repos/{owner}/{repo}, 200 (trimmed). https://docs.github.com/en/rest/repos/repos#get-a-repository */
function repositoryBody(owner, repo) {
  return {
    id: 2000 + (hash(`${owner}/${repo}`) % 100_000),
    name: repo,
    full_name: `${owner}/${repo}`,
    private: true,
    owner: { login: owner, id: 3000 + (hash(owner) % 100_000), type: 'Organization', site_admin: false },
    html_url: `https://github.com/${owner}/${repo}`,
    default_branch: 'main',
  };
}

/** 401 for an unknown, revoked or expired token: GitHub does not say which (docs.github.com/en/rest/authentication/authenticating-to-the-rest-api: 401 "Bad credentials"). */
const BAD_CREDENTIALS = { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' };

/** 403 that GET /user gives an installation token (actions/create-github-app-token#258). */
const NOT_FOR_INTEGRATIONS = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
  status: '403',
};

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' };

/**
 * Rate-limit headers of every authenticated response.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 * (x-ratelimit-limit / -remaining / -used / -reset in epoch seconds / -resource).
 */
function rateLimitHeaders(rateLimit = {}) {
  const limit = rateLimit.limit ?? 5000;
  const used = rateLimit.used ?? 10;
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(rateLimit.remaining ?? limit - used),
    'x-ratelimit-reset': String(rateLimit.reset ?? Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': String(used),
    'x-ratelimit-resource': rateLimit.resource ?? 'core',
  };
}

// --- Server ----------------------------------------------------------------------------------

/**
 * Starts the fake GitHub on 127.0.0.1 (ephemeral port).
 * @param {{ tokens?: Record<string, import('./fake-github.d.mts').TokenScenario> }} [options]
 */
export async function startFakeGitHub(options = {}) {
  const tokens = new Map(Object.entries(options.tokens ?? {}));
  /** `SID:auth-token` → the Twilio account it opens. */
  const twilio = new Map();
  /** `owner/repo/path@ref` → { text, token }: files the contents API serves to that token. */
  const contents = new Map();
  /** `owner/repo#n` → the pull request's files (pulls/{n}/files entries); unset: none. */
  const pullFiles = new Map();
  /** An OAuth 2.0 server at auth.example.com: the client it knows, the tokens it minted and revoked. */
  const oauth = { client: undefined, minted: [], revoked: [] };
  /** The workflow's own token (an installation token: no /user) and what it wrote: comments, check runs. */
  const workflow = { token: undefined, canWrite: true, comments: [], checkRuns: [], nextId: 1000 };
  /** @type {import('./fake-github.d.mts').RecordedRequest[]} */
  const requests = [];
  const stats = { inFlight: 0, maxInFlight: 0 };
  const server = https.createServer(
    { cert: readFileSync(SERVER_CERT_PATH), key: readFileSync(SERVER_KEY_PATH) },
    (req, res) => {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
    },
  );
  const handle = (req, res, requestBody) => {
      const authorization = req.headers.authorization;
      // Twilio's credentials come as HTTP Basic `SID:auth-token`: the token recorded is the auth token.
      const basic = /^Basic (.+)$/i.exec(authorization ?? '')?.[1];
      const pair = basic === undefined ? undefined : Buffer.from(basic, 'base64').toString('utf8');
      const bearer = /^(?:Bearer|token) (.+)$/i.exec(authorization ?? '')?.[1] ?? pair?.slice(pair.indexOf(':') + 1);
      const recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        host: req.headers.host ?? '',
        authorization,
        token: bearer,
        servername: req.socket.servername || undefined,
        userAgent: req.headers['user-agent'],
        at: Date.now(),
        respondedAt: undefined,
      };
      requests.push(recorded);
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      res.on('close', () => stats.inFlight--);
      const scenario = bearer === undefined ? undefined : tokens.get(bearer);
      const answer = (req.headers.host ?? '').startsWith('auth.example.com')
        ? oauthAnswer(req, pair, requestBody, oauth)
        : (req.headers.host ?? '').startsWith('api.twilio.com')
        ? respondTwilio(req, pair === undefined ? undefined : twilio.get(pair), pair)
        : (contentsAnswer(req, bearer, contents) ?? pullFilesAnswer(req, pullFiles) ?? workflowAnswer(req, bearer, requestBody, workflow) ?? respond(req, scenario));
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, {
          'content-type': 'application/json; charset=utf-8',
          'x-github-api-version-selected': '2022-11-28',
          'x-github-media-type': 'github.v3; format=json',
          'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
          ...answer.headers,
        });
        res.end(JSON.stringify(answer.body));
        recorded.respondedAt = Date.now();
      };
      const delay = scenario?.delayMs ?? 0;
      if (delay > 0) {
        const timer = setTimeout(send, delay);
        res.on('close', () => clearTimeout(timer));
      } else send();
  };
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    port,
    requests,
    tokens,
    stats,
    setToken(token, scenario) {
      tokens.set(token, scenario);
    },
    setTwilio(accountSid, authToken, scenario) {
      twilio.set(`${accountSid}:${authToken}`, scenario);
    },
    setContent(repository, path, ref, text, token) {
      contents.set(`${repository}/${path}@${ref}`, { text, token });
    },
    setPullFiles(repository, number, files) {
      pullFiles.set(`${repository}#${number}`, files);
    },
    setOAuthClient(clientId, clientSecret) {
      oauth.client = `${clientId}:${clientSecret}`;
    },
    get oauthMinted() {
      return oauth.minted;
    },
    get oauthRevoked() {
      return oauth.revoked;
    },
    setWorkflowToken(token, options = {}) {
      workflow.token = token;
      workflow.canWrite = options.canWrite ?? true;
    },
    get comments() {
      return workflow.comments;
    },
    get checkRuns() {
      return workflow.checkRuns;
    },
    reset() {
      requests.length = 0;
      tokens.clear();
      twilio.clear();
      contents.clear();
      pullFiles.clear();
      Object.assign(workflow, { token: undefined, canWrite: true, comments: [], checkRuns: [] });
      Object.assign(oauth, { client: undefined, minted: [], revoked: [] });
      stats.maxInFlight = stats.inFlight;
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The answer GitHub would give `scenario`'s token; an unknown token gets 401 Bad credentials. */
function respond(req, scenario) {
  const url = new URL(req.url ?? '/', 'https://fake.invalid');
  // GitHub Enterprise Server serves the REST API under /api/v3.
  const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
  if (req.method !== 'GET') return { status: 404, headers: {}, body: NOT_FOUND };
  if (!scenario || scenario.kind === 'revoked') return { status: 401, headers: {}, body: BAD_CREDENTIALS };

  if (scenario.kind === 'status') return { status: scenario.status, headers: scenario.headers ?? {}, body: scenario.body ?? {} };

  const headers = { ...rateLimitHeaders(scenario.rateLimit) };
  if (scenario.expiresAt !== undefined && scenario.expiresAt !== null) {
    headers['github-authentication-token-expiration'] =
      typeof scenario.expiresAt === 'string' ? scenario.expiresAt : githubExpirationHeader(scenario.expiresAt);
  }

  if (scenario.kind === 'user') {
    // Classic PATs and OAuth tokens carry their scopes in X-OAuth-Scopes (docs: "Scopes for OAuth apps").
    if (scenario.scopes) {
      headers['x-oauth-scopes'] = scenario.scopes.join(', ');
      headers['x-accepted-oauth-scopes'] = '';
    }
    if (path === '/user') return { status: 200, headers, body: userBody(scenario.login, scenario.type ?? 'User') };
    return { status: 404, headers, body: NOT_FOUND };
  }

  // kind: 'installation'
  const repo = scenario.repo ?? 'app';
  if (path === '/user') return { status: 403, headers, body: NOT_FOR_INTEGRATIONS };
  if (path === '/installation/repositories') {
    return { status: 200, headers, body: installationRepositoriesBody(scenario.owner, repo, scenario.totalCount ?? 1) };
  }
  const repoPath = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path);
  if (repoPath && repoPath[1] === scenario.owner && repoPath[2] === repo) {
    return { status: 200, headers, body: repositoryBody(scenario.owner, repo) };
  }
  return { status: 404, headers, body: NOT_FOUND };
}

/**
 * GET /repos/{owner}/{repo}/contents/{path}?ref=…, for the token a file was set for: the file object
 * of https://docs.github.com/en/rest/repos/contents#get-repository-content (type file, base64).
 * Undefined for any other request.
 */
function contentsAnswer(req, bearer, contents) {
  const url = new URL(req.url ?? '/', 'https://fake.invalid');
  const m = /^(?:\/api\/v3)?\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/.exec(url.pathname);
  if (!m || req.method !== 'GET') return undefined;
  const path = decodeURIComponent(m[2]);
  const file = contents.get(`${m[1]}/${path}@${url.searchParams.get('ref')}`);
  if (!file || file.token !== bearer) return { status: 404, headers: {}, body: NOT_FOUND };
  const content = Buffer.from(file.text, 'utf8').toString('base64').replace(/.{60}/g, '$&\n');
  const body = { type: 'file', encoding: 'base64', size: Buffer.byteLength(file.text), name: path.split('/').pop(), path, content, sha: '3d21ec53a331a6f037a91c368710b99387d012c1' };
  return { status: 200, headers: rateLimitHeaders({ limit: 1000 }), body };
}

/**
 * An OAuth 2.0 authorization server (auth.example.com): the client credentials grant at
 * POST /oauth/token (RFC 6749 §4.4, client authenticated by HTTP Basic; §5.1 answer, §5.2 error)
 * and revocation at POST /oauth/revoke (RFC 7009 §2.1, 200 for any token).
 */
function oauthAnswer(req, pair, requestBody, oauth) {
  const path = new URL(req.url ?? '/', 'https://fake.invalid').pathname;
  const form = new URLSearchParams(requestBody);
  const known = oauth.client !== undefined && pair === oauth.client;
  if (req.method !== 'POST') return { status: 405, headers: {}, body: { error: 'invalid_request' } };
  if (!known) return { status: 401, headers: { 'www-authenticate': 'Basic realm="auth.example.com"' }, body: { error: 'invalid_client' } };
  if (path === '/oauth/token' && form.get('grant_type') === 'client_credentials') {
    const token = `oat_${randomBytes(16).toString('hex')}`;
    oauth.minted.push(token);
    return { status: 200, headers: { 'cache-control': 'no-store' }, body: { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: form.get('scope') ?? '' } };
  }
  if (path === '/oauth/revoke') {
    oauth.revoked.push(form.get('token'));
    return { status: 200, headers: {}, body: {} };
  }
  return { status: 400, headers: {}, body: { error: 'unsupported_grant_type' } };
}

/**
 * What the workflow's own token (an installation token, as GITHUB_TOKEN is) may do: no GET /user
 * (403, "Resource not accessible by integration"), and the issue comments and check runs of
 * https://docs.github.com/en/rest/issues/comments and https://docs.github.com/en/rest/checks/runs,
 * kept so a test can read what was written. A read-only token (a fork's) gets 403 on every write.
 * Undefined for any other request or token.
 */
function workflowAnswer(req, bearer, requestBody, workflow) {
  if (!workflow.token || bearer !== workflow.token) return undefined;
  const url = new URL(req.url ?? '/', 'https://fake.invalid');
  const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '');
  const json = requestBody ? JSON.parse(requestBody) : {};
  const bot = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
  const forbidden = { status: 403, headers: {}, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } };
  if (path === '/user') return forbidden;
  const comments = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(path);
  if (comments && req.method === 'GET') return { status: 200, headers: {}, body: workflow.comments.filter((c) => c.issue === `${comments[1]}#${comments[2]}`) };
  if (comments && req.method === 'POST') {
    if (!workflow.canWrite) return forbidden;
    const comment = { id: workflow.nextId++, issue: `${comments[1]}#${comments[2]}`, body: json.body, user: bot };
    workflow.comments.push(comment);
    return { status: 201, headers: {}, body: comment };
  }
  const edit = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path);
  if (edit && req.method === 'PATCH') {
    if (!workflow.canWrite) return forbidden;
    const comment = workflow.comments.find((c) => c.id === Number(edit[1]));
    if (!comment) return { status: 404, headers: {}, body: NOT_FOUND };
    comment.body = json.body;
    return { status: 200, headers: {}, body: comment };
  }
  if (/^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path) && req.method === 'POST') {
    if (!workflow.canWrite) return forbidden;
    const run = { id: workflow.nextId++, ...json, html_url: `https://github.com/x/runs/${workflow.nextId}`, annotations: [...(json.output?.annotations ?? [])] };
    workflow.checkRuns.push(run);
    return { status: 201, headers: {}, body: run };
  }
  const update = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path);
  if (update && req.method === 'PATCH') {
    const run = workflow.checkRuns.find((r) => r.id === Number(update[1]));
    if (!run) return { status: 404, headers: {}, body: NOT_FOUND };
    run.annotations.push(...(json.output?.annotations ?? []));
    return { status: 200, headers: {}, body: run };
  }
  return undefined;
}

/**
 * GET /repos/{owner}/{repo}/pulls/{n}/files?per_page=&page=: the files set for that pull request
 * (none when unset), a page at a time with GitHub's Link header
 * (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files). Undefined for any other request.
 */
function pullFilesAnswer(req, pullFiles) {
  const url = new URL(req.url ?? '/', 'https://fake.invalid');
  const m = /^(?:\/api\/v3)?\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)\/files$/.exec(url.pathname);
  if (!m || req.method !== 'GET') return undefined;
  const files = pullFiles.get(`${m[1]}#${m[2]}`) ?? [];
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
  const page = Number(url.searchParams.get('page') ?? 1);
  const last = Math.max(1, Math.ceil(files.length / perPage));
  const headers = { ...rateLimitHeaders({ limit: 1000 }) };
  if (page < last) {
    const next = new URL(url.pathname, `https://${req.headers.host}`);
    next.searchParams.set('per_page', String(perPage));
    next.searchParams.set('page', String(page + 1));
    headers.link = `<${next}>; rel="next"`;
  }
  return { status: 200, headers, body: files.slice((page - 1) * perPage, page * perPage) };
}

/**
 * Twilio's GET /2010-04-01/Accounts/{Sid}.json for a `SID:auth-token` pair — echoing the auth token,
 * as the real account resource does; unknown pairs get 401
 * error 20003 (https://www.twilio.com/docs/errors/20003). The account body has the shape recorded in
 * twilio/twilio-python tests/integration/api/v2010/test_account.py.
 */
function respondTwilio(req, scenario, pair) {
  const sid = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\.json$/.exec(new URL(req.url ?? '/', 'https://fake.invalid').pathname)?.[1];
  if (!scenario || !sid) {
    return { status: 401, headers: {}, body: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 } };
  }
  if (scenario.test) {
    return { status: 403, headers: {}, body: { code: 20008, message: 'Resource not accessible with Test Account Credentials', more_info: 'https://www.twilio.com/docs/errors/20008', status: 403 } };
  }
  return { status: 200, headers: {}, body: { auth_token: pair.slice(pair.indexOf(':') + 1), friendly_name: scenario.name, owner_account_sid: sid, sid, status: 'active', type: 'Full', uri: `/2010-04-01/Accounts/${sid}.json` } };
}

function hash(text) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
