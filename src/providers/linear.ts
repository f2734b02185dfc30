import { dataProvider } from './declarative.js';

// GraphQL API and authentication (a personal API key goes in `Authorization` as it is, OAuth
// tokens as Bearer): https://linear.app/developers/graphql. Rate limits (X-RateLimit-Requests-*,
// the reset in epoch milliseconds; RATELIMITED errors): https://linear.app/developers/rate-limiting.
// Error types as the official SDK reads them (`extensions.type`: "authentication error",
// "ratelimited"): linear/linear packages/sdk/src/error.ts. Errors may come with HTTP 200, 400 or 401.

/** Linear's answer to a key it rejects: the error shape linear/linear packages/sdk/src/error.ts reads, with the message Linear sends. */
const AUTHENTICATION_ERROR = {
  errors: [
    {
      message: 'Authentication required, not authenticated',
      extensions: {
        type: 'authentication error',
        code: 'AUTHENTICATION_ERROR',
        statusCode: 401,
        userPresentableMessage: 'You need to authenticate to access this operation.',
      },
    },
  ],
};

export const linear = dataProvider({
  id: 'linear',
  title: 'Linear',
  ping: 'GraphQL `query { viewer { id name email } }`',
  fields: [{ id: 'token', description: 'a personal API key (lin_api_…)', rotates: true }],
  hosts: ['api.linear.app'],
  apiRoot: 'https://api.linear.app/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  formats: [/^lin_api_[A-Za-z0-9]{40}$/],
  http: {
    request: {
      method: 'POST',
      url: 'graphql',
      auth: { header: { name: 'authorization', value: '${token}' } },
      json: { query: '{ viewer { id name email } }' },
    },
    expect: { status: 200, json: { '$.data.viewer.id': { exists: true } } },
    outcomes: [
      { when: { json: { '$.errors[0].extensions.code': 'AUTHENTICATION_ERROR' } }, result: 'invalid', message: 'Linear refused the API key (AUTHENTICATION_ERROR)' },
      { when: { json: { '$.errors[0].extensions.type': 'authentication error' } }, result: 'invalid', message: 'Linear refused the API key (authentication error)' },
      { when: { json: { '$.errors[0].extensions.code': 'RATELIMITED' } }, result: 'throttled' },
      { when: { json: { '$.errors[0].extensions.type': 'ratelimited' } }, result: 'throttled' },
    ],
    extract: { kind: 'personal API key', identity: '$.data.viewer.email', notes: [{ label: 'name', from: '$.data.viewer.name' }] },
    ratelimit: { limit: 'x-ratelimit-requests-limit', remaining: 'x-ratelimit-requests-remaining', reset: 'x-ratelimit-requests-reset', format: 'epoch-millis' },
  },
  examples: [
    {
      name: 'a personal API key',
      source:
        'linear.app/developers/graphql (the viewer query and its data shape); rate-limit headers as linear.app/developers/rate-limiting names them; values hand-written',
      response: {
        status: 200,
        headers: { 'x-ratelimit-requests-limit': '5000', 'x-ratelimit-requests-remaining': '4999', 'x-ratelimit-requests-reset': '1767225600000' },
        body: { data: { viewer: { id: '2ba8a5a3-7b2e-4b86-9c1c-0f3f1e1b7a11', name: 'Ada Lovelace', email: 'ada@example.com' } } },
      },
      verdict: {
        outcome: 'valid',
        facts: { kind: 'personal API key', identity: 'ada@example.com', notes: ['name: Ada Lovelace'], rateLimit: { limit: 5000, remaining: 4999, resetAt: '2026-01-01T00:00:00.000Z' } },
      },
    },
    {
      name: 'a rejected key (HTTP 401)',
      source:
        'assembled, not one recording: the extensions type and code linear/linear packages/sdk/src/error.ts reads, and the message "Authentication required, not authenticated" that public Linear clients\' tests quote from api.linear.app',
      response: { status: 401, body: AUTHENTICATION_ERROR },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a rejected key in a 200 answer',
      source: 'linear/linear packages/sdk/src/error.ts (the error read from errors[0].extensions, whatever the status); body as above',
      response: { status: 200, body: { data: null, ...AUTHENTICATION_ERROR } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'throttled',
      source: 'linear.app/developers/rate-limiting (RATELIMITED); linear/linear packages/sdk/src/error.ts (type "ratelimited"); body hand-written in that shape',
      response: { status: 400, body: { errors: [{ message: 'Rate limit exceeded', extensions: { type: 'ratelimited', code: 'RATELIMITED' } }] } },
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
    {
      name: 'another GraphQL error',
      source: 'hand-written: a GraphQL error that is not about authentication says nothing about the key',
      response: { status: 400, body: { errors: [{ message: 'Cannot query field "viewr" on type "Query".', extensions: { type: 'graphql error', code: 'GRAPHQL_VALIDATION_FAILED' } }] } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});

