import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, providerMessage, unexpected, valid } from './kit.js';
import type { Provider, TokenFacts } from './provider.js';
import { askRegions, refusedInRegions, regional, type Region } from './regions.js';

// Call: documentation.mailgun.com/docs/mailgun/api-reference/openapi-final/domains (GET /v4/domains,
// `limit`, `sort`; `total_count` and `items[]`). Authentication, regions and status codes:
// documentation.mailgun.com/docs/mailgun/api-reference/authentication and /api-overview (Basic
// `api:<key>`; US api.mailgun.net, EU api.eu.mailgun.net; 401 invalid or missing key, 403 valid
// credentials but access denied; domain sending keys only send). Answers: the VCR cassettes of
// mailgun/mailgun-ruby (vcr_cassettes/domains.yml, exceptions-invalid-api-key.yml). Formats: the
// legacy `key-` private key (gitleaks mailgun-private-api-token) and today's hex triple.

const REGIONS: Region[] = [
  { id: 'us', host: 'api.mailgun.net', label: 'US' },
  { id: 'eu', host: 'api.eu.mailgun.net', label: 'EU' },
];

/** GET /v4/domains as mailgun/mailgun-ruby recorded it (vcr_cassettes/domains.yml, 2025-02-24), two domains. */
const DOMAINS = {
  total_count: 2,
  items: [
    {
      created_at: 'Mon, 24 Feb 2025 22:44:03 GMT',
      id: '67bcf63306fcfd2fb4b7e056',
      is_disabled: false,
      name: 'integration-test.domain.invalid',
      require_tls: false,
      skip_verification: false,
      smtp_login: 'postmaster@integration-test.domain.invalid',
      spam_action: 'tag',
      state: 'unverified',
      type: 'custom',
      use_automatic_sender_security: false,
      web_prefix: 'email',
      web_scheme: 'http',
      wildcard: false,
    },
    {
      created_at: 'Wed, 27 Nov 2024 11:44:11 GMT',
      id: '6747060bb7a2b281f7ca1f6c',
      is_disabled: false,
      name: 'sandbox61429c204b744e7fbbb7375ac93ad3d7.mailgun.org',
      require_tls: false,
      skip_verification: false,
      smtp_login: 'postmaster@sandbox61429c204b744e7fbbb7375ac93ad3d7.mailgun.org',
      spam_action: 'disabled',
      state: 'active',
      type: 'sandbox',
      use_automatic_sender_security: false,
      web_prefix: 'email',
      web_scheme: 'http',
      wildcard: false,
    },
  ],
};

/** A refused key, as mailgun/mailgun-ruby recorded it (vcr_cassettes/exceptions-invalid-api-key.yml): 401, `text/plain` "Forbidden". */
const FORBIDDEN = { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Basic realm="MG API"' }, body: 'Forbidden' };

const US = 'https://api.mailgun.net';
const EU = 'https://api.eu.mailgun.net';
const KEY = { token: `${'0123456789abcdef'.repeat(2)}-0123abcd-4567ef01` };

export const mailgun: Provider = {
  id: 'mailgun',
  title: 'Mailgun',
  ping: '`GET /v4/domains?limit=1`',
  fields: [{ id: 'token', description: 'a Mailgun API key (the password of Basic `api:<key>`)', rotates: true }],
  ...regional(REGIONS, 'Mailgun account'),
  can: { identity: true, scopes: false, expiry: false, mode: true, verifiesLeaks: true },
  formats: [/^key-[0-9a-f]{32}$/, /^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$/],

  async check(_credential, ctx) {
    const answer = await askRegions(ctx, REGIONS, (r) => ({
      url: `https://${r.host}/v4/domains`,
      query: { limit: '1', sort: 'name' },
      auth: { basic: { username: 'api', password: '${token}' } },
    }));
    const { res, region } = answer;
    if (res.status === 401) return refusedInRegions('Mailgun', answer, providerMessage(res) || plainMessage(res));
    const facts: TokenFacts = { kind: 'API key', mode: region.id };
    // "Valid credentials but access denied", in Mailgun's JSON error shape (not a proxy's page): a
    // domain sending key, or a role that may not list domains.
    if (res.status === 403 && providerMessage(res)) return valid({ ...facts, notes: ['may not list domains (a domain sending key, or a role without domain access)'] }, res);
    if (res.status !== 200) throw unexpected(res);
    const body = jsonObject(res, 'GET /v4/domains') as { total_count?: unknown; items?: Array<{ name?: unknown }> };
    if (typeof body.total_count !== 'number' || !Array.isArray(body.items)) throw malformed(res, 'GET /v4/domains', 'it has no "total_count" and "items"');
    const first = body.items[0]?.name;
    if (typeof first === 'string' && first) facts.identity = oneLine(first, 200);
    facts.notes = [`${body.total_count} ${body.total_count === 1 ? 'domain' : 'domains'}`];
    return valid(facts, res);
  },

  examples: [
    {
      name: 'a key of the US region lists its domains',
      source: 'mailgun/mailgun-ruby vcr_cassettes/domains.yml (GET /v4/domains)',
      credential: KEY,
      responses: [{ path: '/v4/domains', origin: US, status: 200, body: DOMAINS }],
      verdict: { outcome: 'valid', facts: { identity: 'integration-test.domain.invalid', mode: 'us', notes: ['2 domains'] } },
    },
    {
      name: 'a found key of the EU region: refused in the US, accepted in the EU',
      source: 'mailgun/mailgun-ruby vcr_cassettes/exceptions-invalid-api-key.yml (the 401) and domains.yml (the list), one per region',
      credential: KEY,
      purpose: 'leak',
      responses: [
        { path: '/v4/domains', origin: US, ...FORBIDDEN },
        { path: '/v4/domains', origin: EU, status: 200, body: DOMAINS },
      ],
      verdict: { outcome: 'valid', facts: { mode: 'eu' } },
    },
    {
      name: 'a found key refused in both regions',
      source: 'mailgun/mailgun-ruby vcr_cassettes/exceptions-invalid-api-key.yml (the 401), from each region',
      credential: KEY,
      purpose: 'leak',
      responses: [
        { path: '/v4/domains', origin: US, ...FORBIDDEN },
        { path: '/v4/domains', origin: EU, ...FORBIDDEN },
      ],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a key refused in its configured region',
      source: 'mailgun/mailgun-ruby vcr_cassettes/exceptions-invalid-api-key.yml (the 401)',
      credential: KEY,
      settings: { region: 'eu' },
      responses: [{ path: '/v4/domains', origin: EU, ...FORBIDDEN }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a domain sending key, which may not list domains',
      source: 'documentation.mailgun.com/docs/mailgun/api-reference/api-overview (403: valid credentials but access denied); the body hand-written in the API\'s {"message"} error shape',
      credential: KEY,
      responses: [{ path: '/v4/domains', origin: US, status: 403, body: { message: 'Forbidden' } }],
      verdict: { outcome: 'valid', facts: { mode: 'us', notes: ['may not list domains (a domain sending key, or a role without domain access)'] } },
    },
    {
      name: 'a 403 page that is not Mailgun\'s error (a proxy refusing the call)',
      source: 'hand-written: a 403 without Mailgun\'s JSON error proves nothing about the key',
      credential: KEY,
      responses: [{ path: '/v4/domains', origin: US, status: 403, headers: { 'content-type': 'text/html' }, body: '<html><h1>403 Forbidden</h1></html>' }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

/** Mailgun's 401 is a bare `text/plain` word ("Forbidden"): shown when it is one short line. */
function plainMessage(res: HttpResponse): string {
  const text = res.body.trim();
  return /^[\w .,'-]{1,60}$/.test(text) ? text : '';
}
