import { dataProvider } from './declarative.js';

// Call: learning.postman.com/api-docs/api-reference/users/get-authenticated-user (GET /me, the
// key in X-Api-Key). Rate limits: learning.postman.com/docs/developer/postman-api/postman-api-rate-limits
// (X-RateLimit-Limit/Remaining per minute, X-RateLimit-Reset in epoch seconds; 429).
// Keys: learning.postman.com/docs/developer/postman-api/authentication. The 401 and 429 bodies: the
// overview of the Postman API description ("API Key related error response", "Rate Limits").
// Format: the gitleaks rule postman-api-token.

/** GET /me: the schema example values of Postman's API reference (getAuthenticatedUser), assembled into one answer. */
const ME = {
  user: {
    id: 12345678,
    username: 'taylor-lee',
    email: 'taylor.lee@example.com',
    fullName: 'Taylor Lee',
    avatar: 'https://example.com/user/r5u9qpvmujfjf6lbqmga.jpg',
    isPublic: true,
    teamId: 123,
    teamName: 'Test Team',
    teamDomain: 'test-team',
    roles: ['user'],
  },
  operations: [{ name: 'api_usage', limit: 1000000, usage: 8872, overage: 0 }],
};

export const postman = dataProvider({
  id: 'postman',
  title: 'Postman',
  ping: '`GET /me`',
  fields: [{ id: 'token', description: 'a Postman API key (PMAK-…)', rotates: true }],
  hosts: ['api.getpostman.com'],
  apiRoot: 'https://api.getpostman.com/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  formats: [/^PMAK-[0-9a-fA-F]{24}-[0-9a-fA-F]{34}$/],
  http: {
    request: { url: 'https://api.getpostman.com/me', auth: { header: { name: 'x-api-key', value: '${token}' } } },
    expect: { status: 200, json: { '$.user.id': { exists: true } } },
    outcomes: [
      {
        when: { status: 401 },
        result: 'invalid',
        message: 'Postman refused the API key (HTTP 401): it is unknown, expired, or was regenerated or deleted',
      },
    ],
    extract: {
      kind: 'API key',
      identity: '$.user.username',
      notes: [{ label: 'team', from: '$.user.teamName' }],
    },
    ratelimit: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', format: 'epoch-seconds' },
  },
  examples: [
    {
      name: 'a key of a team member',
      source: 'learning.postman.com/api-docs/api-reference/users/get-authenticated-user (the example values of its response schema, assembled into one answer; the operations entry is illustrative)',
      response: { status: 200, headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299' }, body: ME },
      verdict: { outcome: 'valid', facts: { identity: 'taylor-lee', kind: 'API key', notes: ['team: Test Team'], rateLimit: { limit: 300, remaining: 299 } } },
    },
    {
      name: 'an unknown key',
      source: 'the Postman API description, overview section "API Key related error response" (HTTP 401 and this body, verbatim)',
      response: {
        status: 401,
        body: { error: { name: 'AuthenticationError', message: 'Invalid API Key. Every request requires a valid API Key to be sent.' } },
      },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'throttled',
      source: 'the Postman API description, overview section "Rate Limits" (HTTP 429 and this body, verbatim)',
      response: { status: 429, body: { error: { name: 'rateLimitError', message: 'Rate Limit exceeded. Please retry at 1465452702843' } } },
      verdict: { outcome: 'unknown', code: 'rate-limited' },
    },
  ],
});
