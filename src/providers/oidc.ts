import { decodeJwt } from 'jose';
import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { endpointProblems, endpointTarget, endpointUrl, HTTPS_URL, text } from './endpoint-setting.js';
import { jsonObject, malformed, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Example, Provider, TokenFacts, Verdict } from './provider.js';

// OpenID Connect Core 1.0 UserInfo: https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
// (§5.3.1 request, §5.3.2 response — `sub` always present, JSON or a signed JWT —, §5.3.3 errors),
// and the Bearer error answers it uses: https://www.rfc-editor.org/rfc/rfc6750#section-3
// (invalid_token → 401, insufficient_scope → 403).

/** OpenID Connect Core 1.0 §5.3.2, the example UserInfo response. */
const CORE_USERINFO = {
  sub: '248289761001',
  name: 'Jane Doe',
  given_name: 'Jane',
  family_name: 'Doe',
  preferred_username: 'j.doe',
  email: 'janedoe@example.com',
  picture: 'http://example.com/janedoe/me.jpg',
};
const SETTINGS = { 'userinfo-url': 'https://server.example.com/userinfo' };

/** An example of the UserInfo endpoint answering with this status, body and headers. */
function userinfo(name: string, source: string, answer: { status: number; body: string | object; headers?: Record<string, string> }, verdict: Example['verdict']): Example {
  return { name, source, settings: SETTINGS, responses: [{ path: '/userinfo', ...answer }], verdict };
}

const examples: Example[] = [
  userinfo('a working access token', 'OpenID Connect Core 1.0 §5.3.2, the UserInfo response example', { status: 200, body: CORE_USERINFO }, {
    outcome: 'valid',
    facts: { identity: '248289761001', notes: ['username: j.doe', 'email: janedoe@example.com'] },
  }),
  userinfo(
    'an expired access token',
    'OpenID Connect Core 1.0 §5.3.3, the UserInfo error response example',
    { status: 401, headers: { 'www-authenticate': 'error="invalid_token", error_description="The Access Token expired"' }, body: '' },
    { outcome: 'rejected', code: 'expired' },
  ),
  userinfo(
    'an expired access token (Bearer challenge)',
    'RFC 6750 §3, the example answer to an expired token',
    { status: 401, headers: { 'www-authenticate': 'Bearer realm="example", error="invalid_token", error_description="The access token expired"' }, body: '' },
    { outcome: 'rejected', code: 'expired' },
  ),
  userinfo(
    'an unknown access token',
    'hand-written from RFC 6750 §3.1: invalid_token "revoked, malformed, or invalid for other reasons"',
    { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, body: { error: 'invalid_token' } },
    { outcome: 'rejected', code: 'invalid' },
  ),
  userinfo(
    'a token without the openid scope',
    'hand-written from RFC 6750 §3.1: insufficient_scope with HTTP 403',
    { status: 403, headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="openid"' }, body: '' },
    { outcome: 'unknown', code: 'unexpected-response' },
  ),
  userinfo('a 200 without sub', 'hand-written: OpenID Connect Core §5.3.2 requires sub; an answer without it is not UserInfo', { status: 200, body: { status: 'ok' } }, {
    outcome: 'unknown',
    code: 'unexpected-response',
  }),
  userinfo('a wrong userinfo-url (HTTP 404)', 'hand-written: an answer that is neither UserInfo nor a Bearer error proves nothing', { status: 404, body: { error: 'not_found' } }, {
    outcome: 'unknown',
    code: 'unexpected-response',
  }),
  userinfo(
    'a captive portal answering 200 with HTML',
    'hand-written: a 200 that is not UserInfo must not pass',
    { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in to the network</html>' },
    { outcome: 'unknown', code: 'unexpected-response' },
  ),
];

/** Any OpenID Connect provider: the UserInfo endpoint, with the access token as a Bearer token. */
export const oidc: Provider = {
  id: 'oidc',
  title: 'OpenID Connect (UserInfo endpoint)',
  ping: '`GET userinfo-url`',
  hostsFrom: 'the host of `userinfo-url`',
  fields: [{ id: 'token', description: 'an access token issued with the openid scope', rotates: true }],
  hosts: [],
  apiRoot: '',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: false },
  settings: {
    properties: {
      'userinfo-url': { ...HTTPS_URL, description: "The provider's UserInfo endpoint (its discovery document's userinfo_endpoint); the token is sent to this host only." },
    },
    required: ['userinfo-url'],
  },
  examples,

  async check(_credential, ctx) {
    const url = endpointUrl(ctx.settings, 'userinfo-url');
    const res = await ctx.http.send({ url, headers: { accept: 'application/json' }, auth: { bearer: '${token}' } });
    return judge(res);
  },

  fromSettings: (settings) => endpointTarget(settings['userinfo-url']),
  settingsProblems: (settings) => endpointProblems(settings, 'userinfo-url'),
};

function judge(res: HttpResponse): Verdict {
  if (res.status === 200) return valid(factsOf(claimsOf(res), res), res);
  const { error, description, scope } = bearerError(res);
  if (res.status === 401) {
    const code = /expired/i.test(description ?? '') ? 'expired' : /revoked/i.test(description ?? '') ? 'revoked' : 'invalid';
    return rejected(code, `${res.host} refused the access token (HTTP 401${error ? `, ${error}` : ''})${description ? `: ${description}` : ''}`, res);
  }
  if (res.status === 403 && error === 'insufficient_scope') {
    // The server knows the token, but this answer neither proves it live nor tells who it is.
    const needs = scope ? ` (needs ${scope})` : '';
    throw new ProblemError(
      'unexpected-response',
      `${res.host} answered HTTP 403 insufficient_scope${needs}: the token lacks the scope UserInfo requires (openid), so this check cannot confirm it; check it with provider oauth2 (introspection) or jwt`,
    );
  }
  throw unexpected(res);
}

/** The claims of a UserInfo answer: a JSON object, or a signed JWT (§5.3.2; its signature is not checked here). */
function claimsOf(res: HttpResponse): Record<string, unknown> {
  const type = res.headers['content-type'] ?? '';
  if (/^application\/jwt\b/i.test(type)) {
    try {
      return decodeJwt(res.body.trim());
    } catch {
      throw malformed(res, 'the UserInfo request', 'its application/jwt body is not a readable signed JWT (an encrypted one cannot be read)');
    }
  }
  return jsonObject(res, 'the UserInfo request');
}

function factsOf(claims: Record<string, unknown>, res: HttpResponse): TokenFacts {
  const sub = text(claims.sub);
  if (!sub) throw malformed(res, 'the UserInfo request', 'it has no "sub", which OpenID Connect Core §5.3.2 requires');
  const notes = [
    text(claims.preferred_username) ? `username: ${text(claims.preferred_username)}` : '',
    text(claims.email) ? `email: ${text(claims.email)}` : '',
  ].filter(Boolean);
  return { kind: 'OpenID Connect access token', identity: sub, ...(notes.length ? { notes } : {}) };
}

/** The error of a Bearer challenge (RFC 6750 §3; OpenID Connect Core's example omits the scheme), else of the JSON body. */
function bearerError(res: HttpResponse): { error?: string; description?: string; scope?: string } {
  const params: Record<string, string> = {};
  const header = res.headers['www-authenticate'] ?? '';
  for (const m of header.matchAll(/([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g)) params[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  const body = tryJson(res.body) as Record<string, unknown> | undefined;
  const field = (name: string) => params[name] ?? (body && typeof body === 'object' && typeof body[name] === 'string' ? body[name] : undefined);
  const clean = (value: string | undefined) => (value?.trim() ? oneLine(value, 200) : undefined);
  return { error: clean(field('error')), description: clean(field('error_description')), scope: clean(field('scope')) };
}
