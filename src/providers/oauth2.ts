import { ProblemError } from '../check/problems.js';
import type { Auth, HttpResponse } from '../http/types.js';
import { endpointProblems, endpointTarget, endpointUrl, HTTPS_URL, issuerNotes, scopeList, stringSetting, text } from './endpoint-setting.js';
import { fromEpochSeconds, jsonObject, malformed, providerMessage, rejected, tryJson, unexpected, valid } from './kit.js';
import type { Example, Provider, TokenFacts, Verdict } from './provider.js';

// OAuth 2.0 Token Introspection: https://www.rfc-editor.org/rfc/rfc7662 (§2.1 request, §2.2
// response, §2.3 error response, §4 what an inactive answer may hide), client authentication:
// https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1 (and §5.2 error codes), token type hints:
// https://www.rfc-editor.org/rfc/rfc7009#section-4.1.2.

const AUTH_METHODS = ['client_secret_basic', 'client_secret_post'] as const;
type AuthMethod = (typeof AUTH_METHODS)[number];

/** RFC 7662 §2.2, the example answer for an active token (also the fixture of Spring Security's SpringReactiveOpaqueTokenIntrospectorTests). */
const RFC_ACTIVE = {
  active: true,
  client_id: 'l238j323ds-23ij4',
  username: 'jdoe',
  scope: 'read write dolphin',
  sub: 'Z5O3upPC88QrAjx00dis',
  aud: 'https://protected.example.net/resource',
  iss: 'https://server.example.com/',
  exp: 1419356238,
  iat: 1419350238,
  extension_field: 'twenty-seven',
};
const SETTINGS = { 'introspection-url': 'https://server.example.com/introspect' };
const INTROSPECT = { method: 'POST' as const, path: '/introspect' };

const examples: Example[] = [
  {
    name: 'an active token (client_secret_basic)',
    source: 'RFC 7662 §2.2, the response example for an active token',
    settings: SETTINGS,
    responses: [{ ...INTROSPECT, status: 200, body: RFC_ACTIVE }],
    verdict: {
      outcome: 'valid',
      facts: {
        identity: 'Z5O3upPC88QrAjx00dis',
        scopes: ['read', 'write', 'dolphin'],
        expiresAt: new Date(1419356238_000),
        notes: ['username: jdoe', 'client: l238j323ds-23ij4', 'issuer: https://server.example.com/', 'audience: https://protected.example.net/resource'],
      },
    },
  },
  {
    name: 'an active token, client authenticated in the form (client_secret_post)',
    source: 'RFC 7662 §2.2, the response example for an active token',
    settings: { ...SETTINGS, 'auth-method': 'client_secret_post', 'token-type-hint': 'access_token' },
    responses: [{ ...INTROSPECT, status: 200, body: RFC_ACTIVE }],
    verdict: { outcome: 'valid', facts: { identity: 'Z5O3upPC88QrAjx00dis' } },
  },
  {
    name: 'an inactive token',
    source: 'RFC 7662 §2.2, the response example for an inactive token',
    settings: SETTINGS,
    responses: [{ ...INTROSPECT, status: 200, body: { active: false } }],
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
  {
    name: 'an inactive token whose exp has passed',
    source: 'hand-written: RFC 7662 §2.2 says a server SHOULD NOT add fields to an inactive answer, but some add exp',
    settings: SETTINGS,
    responses: [{ ...INTROSPECT, status: 200, body: { active: false, exp: 1419356238 } }],
    verdict: { outcome: 'rejected', code: 'expired' },
  },
  {
    name: 'the client credentials refused',
    source: 'RFC 7662 §2.3 (HTTP 401 when the client credentials are invalid); body hand-written with the invalid_client code of RFC 6749 §5.2',
    settings: SETTINGS,
    responses: [{ ...INTROSPECT, status: 401, headers: { 'www-authenticate': 'Basic realm="server.example.com"' }, body: { error: 'invalid_client', error_description: 'Client authentication failed' } }],
    verdict: { outcome: 'unknown', code: 'unexpected-response' },
  },
  {
    name: 'an answer without the active member',
    source: 'hand-written: RFC 7662 §2.2 makes "active" REQUIRED; an answer without it proves nothing',
    settings: SETTINGS,
    responses: [{ ...INTROSPECT, status: 200, body: { sub: 'Z5O3upPC88QrAjx00dis' } }],
    verdict: { outcome: 'unknown', code: 'unexpected-response' },
  },
];

/** Any OAuth 2.0 authorization server with an RFC 7662 introspection endpoint. */
export const oauth2: Provider = {
  id: 'oauth2',
  title: 'OAuth 2.0 token introspection (RFC 7662)',
  ping: '`POST` of the token to `introspection-url` (RFC 7662)',
  hostsFrom: 'the host of `introspection-url`',
  fields: [
    { id: 'token', description: 'the access or refresh token to check', rotates: true },
    { id: 'client-id', description: 'the client id of the client allowed to introspect', identifier: true },
    { id: 'client-secret', description: "that client's secret" },
  ],
  hosts: [],
  apiRoot: '',
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: false },
  settings: {
    properties: {
      'introspection-url': { ...HTTPS_URL, description: "The authorization server's introspection endpoint (its metadata's introspection_endpoint); the token and client credentials are sent to this host only." },
      'auth-method': { enum: [...AUTH_METHODS], description: 'How the client authenticates: HTTP Basic (client_secret_basic, the default) or in the form (client_secret_post).' },
      'token-type-hint': { type: 'string', pattern: '^[A-Za-z0-9_.:-]+$', description: 'token_type_hint sent with the token: access_token or refresh_token (RFC 7009).' },
    },
    required: ['introspection-url'],
  },
  examples,

  async check(credential, ctx) {
    const url = endpointUrl(ctx.settings, 'introspection-url');
    const method = (stringSetting(ctx.settings, 'auth-method') ?? 'client_secret_basic') as AuthMethod;
    // The schema allows no `${` in the hint; stripped again here, so it can never name a part.
    const hint = stringSetting(ctx.settings, 'token-type-hint')?.replace(/[^A-Za-z0-9_.:-]/g, '');
    const form: Record<string, string> = { token: '${token}' };
    if (hint) form.token_type_hint = hint;
    let auth: Auth | undefined;
    if (method === 'client_secret_post') Object.assign(form, { client_id: '${client-id}', client_secret: '${client-secret}' });
    // RFC 6749 §2.3.1: the client id and secret are form-urlencoded before they become the Basic pair.
    else auth = { basic: { username: '${client-id}', password: '${client-secret}', encode: 'form' } };
    const res = await ctx.http.send({ method: 'POST', url, headers: { accept: 'application/json' }, form, auth });
    return judge(res, method);
  },

  fromSettings: (settings) => endpointTarget(settings['introspection-url']),
  settingsProblems: (settings) => endpointProblems(settings, 'introspection-url'),
};

function judge(res: HttpResponse, method: AuthMethod): Verdict {
  if (res.status === 200) {
    const body = jsonObject(res, 'the introspection request');
    if (body.active === true) return valid(factsOf(body), res);
    if (body.active === false) return inactive(body, res);
    throw malformed(res, 'the introspection request', 'its "active" member, which RFC 7662 §2.2 requires, is missing or not a boolean');
  }
  const error = (tryJson(res.body) as { error?: unknown } | undefined)?.error;
  if (res.status === 401 || error === 'invalid_client') {
    const said = providerMessage(res);
    const tip = method === 'client_secret_basic' ? '; a server that does not form-decode Basic credentials (RFC 6749 §2.3.1) may need auth-method: client_secret_post' : '';
    throw new ProblemError(
      'unexpected-response',
      `${res.host} refused the client credentials (HTTP ${res.status}${said ? `: ${said}` : ''}): check client-id and client-secret${tip}. This says nothing about the token, which was not checked`,
    );
  }
  if (res.status === 403) throw unexpected(res, '; this client may not introspect tokens, so the token was not checked');
  throw unexpected(res);
}

/** RFC 7662 §2.2 gives no reason for an inactive token, and §4 lets a server hide one this client may not see. */
function inactive(body: Record<string, unknown>, res: HttpResponse): Verdict {
  const exp = fromEpochSeconds(body.exp);
  if (exp && exp.getTime() <= Date.now()) return rejected('expired', `${res.host} says the token is inactive, and its exp (${exp.toISOString()}) has passed: expired`, res);
  return rejected(
    'invalid',
    `${res.host} says the token is inactive: expired, revoked or unknown — RFC 7662 does not say which (a server may also answer so for a token this client may not see)`,
    res,
  );
}

function factsOf(body: Record<string, unknown>): TokenFacts {
  const sub = text(body.sub);
  const username = text(body.username);
  const client = text(body.client_id);
  const identity = sub ?? username ?? client;
  const facts: TokenFacts = { kind: 'OAuth 2.0 token (introspected)' };
  if (identity) facts.identity = identity;
  const scopes = typeof body.scope === 'string' ? scopeList(body.scope) : undefined;
  if (scopes) facts.scopes = scopes;
  const exp = fromEpochSeconds(body.exp);
  if (exp) facts.expiresAt = exp;
  const tokenType = text(body.token_type);
  const notes = [
    ...(username && username !== identity ? [`username: ${username}`] : []),
    ...(client && client !== identity ? [`client: ${client}`] : []),
    ...issuerNotes(body),
    ...(tokenType ? [`token type: ${tokenType}`] : []),
  ];
  if (notes.length) facts.notes = notes;
  return facts;
}
