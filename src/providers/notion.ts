import { dataProvider } from './declarative.js';

// Retrieve your token's bot user: https://developers.notion.com/reference/get-self (GET /v1/users/me);
// the required Notion-Version header: https://developers.notion.com/reference/versioning (latest
// 2026-03-11; users/me is the same in every version since 2021-08-16);
// errors (401 unauthorized, 403 restricted_resource, 429 rate_limited):
// https://developers.notion.com/reference/status-codes. Answers recorded by ramnes/notion-sdk-py
// against the live API: tests/cassettes/test_users_me.yaml, test_api_response_error.yaml.

/** users/me as recorded in ramnes/notion-sdk-py tests/cassettes/test_users_me.yaml. */
const BOT_USER = {
  object: 'user',
  id: '7775f3a3-893f-43fa-b625-460c61094c78',
  name: 'notion-sdk-py',
  avatar_url: null,
  type: 'bot',
  bot: {
    owner: { type: 'workspace', workspace: true },
    workspace_name: 'notion-sdk-py',
    workspace_id: '231674b6-2cc1-46bc-b742-c5c9fe4b9c73',
    workspace_limits: { max_file_upload_size_in_bytes: 5242880 },
  },
  request_id: 'cd6c8914-2c88-4e7e-985d-b0fb9721ffc5',
};

export const notion = dataProvider({
  id: 'notion',
  title: 'Notion',
  ping: '`GET /v1/users/me`',
  fields: [{ id: 'token', description: 'an internal integration token (ntn_…, or secret_… before September 2024)', rotates: true }],
  hosts: ['api.notion.com'],
  apiRoot: 'https://api.notion.com/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  // Notion advises against validating tokens by pattern; these are the two shapes seen so far
  // (50 characters each). Personal access tokens and OAuth tokens have no documented shape.
  formats: [/^ntn_\d{11}[A-Za-z0-9]{35}$/, /^secret_[A-Za-z0-9]{43}$/],
  http: {
    request: { url: 'v1/users/me', auth: { bearer: '${token}' }, headers: { 'notion-version': '2026-03-11' } },
    expect: { status: 200, json: { '$.object': 'user', '$.id': { exists: true } } },
    outcomes: [
      { when: { status: 401 }, result: 'invalid', message: 'Notion refused the token (401 unauthorized: unknown, or its integration deleted)' },
      {
        when: { status: 403 },
        result: 'unexpected',
        message: 'Notion answered HTTP 403 to GET /v1/users/me: the token was accepted but may not read its own bot user',
      },
    ],
    extract: {
      identity: '$.name',
      notes: [
        { label: 'workspace', from: '$.bot.workspace_name' },
        { label: 'owner', from: '$.bot.owner.type' },
      ],
    },
  },
  examples: [
    {
      name: 'an internal integration token',
      source: 'ramnes/notion-sdk-py tests/cassettes/test_users_me.yaml (recorded GET /v1/users/me)',
      response: { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: BOT_USER },
      verdict: { outcome: 'valid', facts: { identity: 'notion-sdk-py', notes: ['workspace: notion-sdk-py', 'owner: workspace'] } },
    },
    {
      name: 'an invalid token',
      source: 'ramnes/notion-sdk-py tests/cassettes/test_api_response_error.yaml (recorded 401 of GET /v1/users)',
      response: {
        status: 401,
        body: { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.', request_id: '17359c46-ca0d-4156-be70-12a5eebc3346' },
      },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a token without access to its bot user',
      source: 'developers.notion.com/reference/status-codes (403 restricted_resource); body hand-written in that shape',
      response: { status: 403, body: { object: 'error', status: 403, code: 'restricted_resource', message: 'API token does not have access to this resource.' } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a request Notion cannot serve',
      source: 'ramnes/notion-sdk-py tests/cassettes/test_api_response_error.yaml (recorded 400 invalid_request_url)',
      response: { status: 400, body: { object: 'error', status: 400, code: 'invalid_request_url', message: 'Invalid request URL.', request_id: 'd7a11923-e694-4dea-9924-468fe422c571' } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'throttled',
      source: 'developers.notion.com/reference/request-limits (HTTP 429 rate_limited with Retry-After); body hand-written in the error shape',
      response: { status: 429, headers: { 'retry-after': '60' }, body: { object: 'error', status: 429, code: 'rate_limited', message: 'You have been rate limited.' } },
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
  ],
});
