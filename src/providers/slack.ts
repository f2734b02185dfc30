import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { dataProvider, judge, type HttpCheck } from './declarative.js';
import { tryJson } from './kit.js';
import type { TokenFacts } from './provider.js';

// auth.test: https://docs.slack.dev/reference/methods/auth.test (POST, no scope needed, "hundreds
// of requests per minute"; errors come as HTTP 200 `ok:false`). Granted scopes: the x-oauth-scopes
// header. Token kinds: https://docs.slack.dev/authentication/tokens. Token rotation:
// https://docs.slack.dev/authentication/using-token-rotation ("Without token rotation, the access
// token never expires. With token rotation, it expires every 12 hours"); auth.test then answers
// `expires_in` (seconds), recorded in slackapi/java-slack-sdk json-logs/samples/api/auth.test.json
// and typed in @slack/web-api's AuthTestResponse.

interface SlackTokenKind {
  name: string;
  /** A plain bot or user token: Slack documents that it never expires. */
  neverExpires?: boolean;
  /** A refresh token: only oauth.v2.access accepts it, and that call consumes it. */
  refresh?: boolean;
}

const KINDS: Array<[string, SlackTokenKind]> = [
  ['xoxe.xoxb-', { name: 'rotating bot token' }],
  ['xoxe.xoxp-', { name: 'rotating user token (or app configuration token)' }],
  ['xoxe-', { name: 'refresh token', refresh: true }],
  ['xoxb-', { name: 'bot token', neverExpires: true }],
  ['xoxp-', { name: 'user token', neverExpires: true }],
  ['xapp-', { name: 'app-level token' }],
];

export function slackTokenKind(token: string): SlackTokenKind {
  return KINDS.find(([prefix]) => token.startsWith(prefix))?.[1] ?? { name: 'token of an unrecognized or legacy format' };
}

const AUTH_TEST: HttpCheck = {
  request: { method: 'POST', url: 'api/auth.test', auth: { bearer: '${token}' }, form: {} },
  expect: { status: 200, json: { '$.ok': true } },
  outcomes: [
    { when: { json: { '$.ok': false, '$.error': 'invalid_auth' } }, result: 'invalid', message: 'Slack refused the token (invalid_auth: unknown, mistyped, or sent from an IP address the workspace does not allow)' },
    { when: { json: { '$.ok': false, '$.error': 'not_authed' } }, result: 'invalid', message: 'Slack saw no token (not_authed)' },
    { when: { json: { '$.ok': false, '$.error': 'token_revoked' } }, result: 'revoked', message: 'Slack says the token was revoked (token_revoked: revoked, or its app uninstalled)' },
    { when: { json: { '$.ok': false, '$.error': 'account_inactive' } }, result: 'revoked', message: "Slack says the token's user or workspace was deleted (account_inactive)" },
    { when: { json: { '$.ok': false, '$.error': 'token_expired' } }, result: 'expired', message: 'Slack says the token has expired (token_expired): rotating tokens live 12 hours' },
    { when: { json: { '$.ok': false, '$.error': 'ratelimited' } }, result: 'throttled' },
  ],
  extract: { scopes: { from: 'header:x-oauth-scopes', split: ',' } },
};

/** An auth.test answer of a bot token, as Bolt for Python's tests serve it, with the scopes header Slack sends. */
const BOT_AUTH_TEST = {
  ok: true,
  url: 'https://subarachnoid.slack.com/',
  team: 'Subarachnoid Workspace',
  user: 'bot',
  team_id: 'T0G9PQBBK',
  user_id: 'W23456789',
  bot_id: 'BZYBOTHED',
};

const base = dataProvider({
  id: 'slack',
  title: 'Slack',
  ping: '`POST /api/auth.test` (reads only)',
  fields: [{ id: 'token', description: 'a bot (xoxb-), user (xoxp-), rotating (xoxe.xox…-) or app-level (xapp-) token', rotates: true }],
  hosts: ['slack.com'],
  apiRoot: 'https://slack.com/',
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: true },
  formats: [
    /^xoxb-\d{8,14}-(?:\d{8,14}-)?[A-Za-z0-9]{18,34}$/,
    /^xoxp-\d{8,14}-\d{8,14}-\d{8,14}-[A-Za-z0-9]{28,34}$/,
    /^xoxe\.xox[bp]-\d-[A-Za-z0-9]{163,166}$/,
    /^xoxe-\d-[A-Za-z0-9]{146}$/,
    /^xapp-\d-[A-Za-z0-9]+-\d+-[A-Za-z0-9]+$/,
  ],
  http: AUTH_TEST,
  examples: [
    {
      name: 'a bot token',
      source: 'slackapi/bolt-python tests/mock_web_api_server/mock_handler.py (BOT_AUTH_TEST_RESPONSE, x-oauth-scopes "chat:write,commands")',
      credential: { token: `xoxb-17653672481-19874698323-${'x'.repeat(24)}` },
      response: { status: 200, headers: { 'x-oauth-scopes': 'chat:write,commands' }, body: BOT_AUTH_TEST },
      verdict: { outcome: 'valid', facts: { kind: 'bot token', identity: 'bot@Subarachnoid Workspace', scopes: ['chat:write', 'commands'], expiresAt: null } },
    },
    {
      name: 'a user token',
      source: 'docs.slack.dev/reference/methods/auth.test ("Standard success response when used with a user token"); scopes header as in slackapi/bolt-python USER_AUTH_TEST_RESPONSE',
      credential: { token: `xoxp-1234567890-1234567890-1234567890-${'x'.repeat(32)}` },
      response: {
        status: 200,
        headers: { 'x-oauth-scopes': 'chat:write,search:read' },
        body: { ok: true, url: 'https://subarachnoid.slack.com/', team: 'Subarachnoid Workspace', user: 'grace', team_id: 'T12345678', user_id: 'W12345678' },
      },
      verdict: { outcome: 'valid', facts: { kind: 'user token', identity: 'grace@Subarachnoid Workspace', scopes: ['chat:write', 'search:read'] } },
    },
    {
      name: 'an unknown token',
      source: 'slackapi/python-slack-sdk tests/slack_sdk/web/mock_web_api_handler.py (invalid_auth: HTTP 200, {"ok":false,"error":"invalid_auth"})',
      response: { status: 200, body: { ok: false, error: 'invalid_auth' } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a revoked token',
      source: 'docs.slack.dev/reference/methods/auth.test errors (token_revoked), in the ok:false form of every Web API error',
      response: { status: 200, body: { ok: false, error: 'token_revoked' } },
      verdict: { outcome: 'rejected', code: 'revoked' },
    },
    {
      name: 'an expired rotating token',
      source: 'docs.slack.dev/reference/methods/auth.test errors (token_expired), in the ok:false form of every Web API error',
      response: { status: 200, body: { ok: false, error: 'token_expired' } },
      verdict: { outcome: 'rejected', code: 'expired' },
    },
    {
      name: 'an error that says nothing about the token',
      source: 'slackapi/python-slack-sdk tests/slack_sdk/web/mock_web_api_handler.py (fatal_error: HTTP 200, {"ok":false,"error":"fatal_error"})',
      response: { status: 200, body: { ok: false, error: 'fatal_error' } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'throttled',
      source: 'slackapi/python-slack-sdk tests/slack_sdk/web/mock_web_api_handler.py (ratelimited: HTTP 429, retry-after, {"ok":false,"error":"ratelimited"})',
      response: { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } },
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
    {
      name: 'a server error',
      source: 'hand-written: a 503 in the ok:false form of every Web API error, which says nothing about the token',
      response: { status: 503, body: { ok: false, error: 'service_unavailable' } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a refresh token, which auth.test cannot check',
      source: 'docs.slack.dev/authentication/using-token-rotation (refresh tokens are spent by oauth.v2.access): no request is made',
      credential: { token: `xoxe-1-${'x'.repeat(146)}` },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});

/** auth.test, plus what the token's prefix and the answer's `expires_in` tell. */
export const slack = {
  ...base,
  async check(credential, ctx) {
    const kind = slackTokenKind(credential.token ?? '');
    if (kind.refresh) {
      throw new ProblemError(
        'unexpected-response',
        'this is a Slack refresh token (xoxe-): auth.test cannot check it, and the only call that accepts it (oauth.v2.access) spends it; it was not sent. Check the xoxe.xoxb-/xoxe.xoxp- access token instead',
      );
    }
    const res = await ctx.http.send(AUTH_TEST.request);
    const verdict = judge(AUTH_TEST, res, 'Slack');
    if (verdict.outcome !== 'valid') return verdict;
    return { ...verdict, facts: { ...verdict.facts, ...factsOf(res, kind) } };
  },
} satisfies typeof base;

function factsOf(res: HttpResponse, kind: SlackTokenKind): TokenFacts {
  const body = tryJson(res.body) as Record<string, unknown>;
  const text = (key: string) => (typeof body[key] === 'string' && body[key] ? oneLine(body[key], 100) : undefined);
  const user = text('user');
  const team = text('team');
  const facts: TokenFacts = { kind: kind.name };
  const identity = user && team ? `${user}@${team}` : (user ?? text('bot_id') ?? text('app_name') ?? text('app_id'));
  if (identity) facts.identity = identity;
  const expiresIn = body.expires_in;
  if (typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn >= 0) facts.expiresAt = new Date(Date.now() + expiresIn * 1000);
  else if (kind.neverExpires) facts.expiresAt = null;
  const notes = [
    ['workspace id', text('team_id')],
    ['bot id', user ? text('bot_id') : undefined],
    ['enterprise id', text('enterprise_id')],
  ].flatMap(([label, value]) => (value ? [`${label}: ${value}`] : []));
  if (notes.length) facts.notes = notes;
  return facts;
}
