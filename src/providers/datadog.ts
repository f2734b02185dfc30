import { ProblemError } from '../check/problems.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { headerNumber, jsonObject, rateLimitFrom, rejected, tryJson, unexpected, valid } from './kit.js';
import type { CheckContext, Provider, TokenFacts, Verdict } from './provider.js';

// Sites: docs.datadoghq.com/getting_started/site/ (the site parameter; the API host is api.<site>).
// GET /api/v1/validate: docs.datadoghq.com/api/latest/authentication/validate-api-key/ ("If invalid,
// a 403 is returned"); a key of one site is refused by every other site alike.
// GET /api/v2/validate_keys: docs.datadoghq.com/api/latest/key-management/validate-api-and-application-keys/
// ({"status":"ok"}, else 401 or 403). Rate-limit headers: docs.datadoghq.com/api/latest/rate-limits/
// (X-RateLimit-Reset: seconds until the next reset). Key shapes: DataDog/datadog-agent
// pkg/util/scrubber/default.go (API key 32 hex, application key 40 hex or ddapp_…). Only the
// prefixed one is a format: bare 32 and 40 hex are every MD5 digest and git commit id.

export const DATADOG_SITES = [
  'datadoghq.com',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'datadoghq.eu',
  'ap1.datadoghq.com',
  'ap2.datadoghq.com',
  'uk1.datadoghq.com',
  'ddog-gov.com',
  'us2.ddog-gov.com',
] as const;

const DEFAULT_SITE = 'datadoghq.com';
/** A found key has no site: it is tried on the four oldest commercial sites, one request each (a check makes at most 4). */
const LEAK_SITES = ['datadoghq.com', 'datadoghq.eu', 'us3.datadoghq.com', 'us5.datadoghq.com'];
const RATE_LIMIT = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', resetFormat: 'seconds-left' } as const;

/** Recorded answers of Datadog's own Go client tests. */
const CASSETTES = 'DataDog/datadog-api-client-go tests/scenarios/cassettes/TestScenarios';

const apiHost = (site: string) => `api.${site}`;
const isSite = (value: unknown): value is string => typeof value === 'string' && (DATADOG_SITES as readonly string[]).includes(value);

export const datadog: Provider = {
  id: 'datadog',
  title: 'Datadog',
  ping: '`GET /api/v1/validate`; with an application key `GET /api/v2/validate_keys`',
  fields: [
    { id: 'api-key', description: 'the API key (32 hex characters)', rotates: true },
    { id: 'app-key', description: 'an application key, checked along with the API key', optional: true },
  ],
  hosts: DATADOG_SITES.map(apiHost),
  apiRoot: `https://${apiHost(DEFAULT_SITE)}/`,
  modes: { values: DATADOG_SITES },
  can: { identity: false, scopes: false, expiry: false, mode: true, verifiesLeaks: true },
  settings: {
    properties: {
      site: {
        type: 'string',
        enum: [...DATADOG_SITES],
        default: DEFAULT_SITE,
        description:
          'The Datadog site of the organization (the site parameter, as in the address of its Datadog app: datadoghq.com, datadoghq.eu, us3.datadoghq.com, …). The key is checked on api.<site>; every other site refuses it with 403 as if it were invalid.',
      },
    },
  },
  formats: [/^ddapp_[A-Za-z0-9_]{34}$/],
  throttling: {
    // Datadog names the wait in X-RateLimit-Reset: the seconds until its window resets.
    retryDelayMs: (res) => {
      const seconds = headerNumber(res, 'x-ratelimit-reset');
      return seconds === undefined ? undefined : seconds * 1000;
    },
  },

  async check(credential, ctx) {
    const site = ctx.settings.site ?? DEFAULT_SITE;
    if (!isSite(site)) throw new ProblemError('unexpected-response', `site must be one of ${DATADOG_SITES.join(', ')}; the key was not sent`);
    // A found key's site is unknown, and a 403 from one site says nothing about the others.
    if (ctx.purpose === 'leak') return findSite(ctx);
    if (credential['app-key'] !== undefined) return checkBothKeys(site, ctx);
    const res = await ctx.http.send(validateApiKey(site));
    const verdict = apiKeyVerdict(site, res, ctx);
    if (!verdict) throw unexpectedAnswer(res);
    return verdict;
  },

  fromSettings(settings) {
    if (settings.site === undefined) return { hosts: DATADOG_SITES.map(apiHost) };
    return { hosts: isSite(settings.site) ? [apiHost(settings.site)] : [] };
  },

  examples: [
    {
      name: 'a valid API key on the default site',
      source: `${CASSETTES}/v1/Feature_Authentication/Scenario_Validate_API_key_returns_OK_response.yaml`,
      responses: [{ path: '/api/v1/validate', status: 200, body: '{"valid":true}' }],
      verdict: { outcome: 'valid', facts: { kind: 'API key', mode: 'datadoghq.com' } },
    },
    {
      name: 'a valid API key on the EU site',
      source: `${CASSETTES}/v1/Feature_Authentication/Scenario_Validate_API_key_returns_OK_response.yaml (recorded on api.datadoghq.com)`,
      settings: { site: 'datadoghq.eu' },
      responses: [{ path: '/api/v1/validate', origin: 'https://api.datadoghq.eu', status: 200, body: '{"valid":true}' }],
      verdict: { outcome: 'valid', facts: { mode: 'datadoghq.eu' } },
    },
    {
      name: 'a key refused on its site: unknown, revoked, or of another site',
      source: 'docs.datadoghq.com/api/latest/authentication/validate-api-key/ ("If invalid, a 403 is returned"); body as the Datadog docs quote it (DataDog/documentation, OAuth for integrations, "Forbidden errors")',
      responses: [{ path: '/api/v1/validate', status: 403, body: { errors: ['Forbidden'] } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'no key reached Datadog',
      source: `${CASSETTES}/v1/Feature_Authentication/Scenario_Validate_API_key_returns_Forbidden_response.yaml`,
      responses: [{ path: '/api/v1/validate', status: 403, body: { errors: ['API key required'] } }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'an API key with a valid application key',
      source: 'docs.datadoghq.com/api/latest/key-management/validate-api-and-application-keys/ (200 example {"status": "ok"})',
      credential: { 'api-key': 'a'.repeat(32), 'app-key': 'b'.repeat(40) },
      responses: [{ path: '/api/v2/validate_keys', status: 200, body: { status: 'ok' } }],
      verdict: { outcome: 'valid', facts: { kind: 'API key and application key', mode: 'datadoghq.com' } },
    },
    {
      name: 'a valid API key with a refused application key',
      source: 'docs.datadoghq.com/api/latest/key-management/validate-api-and-application-keys/ (403 otherwise) and the v1 validate cassette above',
      credential: { 'api-key': 'a'.repeat(32), 'app-key': 'b'.repeat(40) },
      responses: [
        { path: '/api/v2/validate_keys', status: 403, body: { errors: ['Forbidden'] } },
        { path: '/api/v1/validate', status: 200, body: '{"valid":true}' },
      ],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a found key live on the EU site',
      source: 'hand-written from the validate-api-key page: each site answers for its own keys only',
      purpose: 'leak',
      responses: [
        { path: '/api/v1/validate', status: 403, body: { errors: ['Forbidden'] } },
        { path: '/api/v1/validate', origin: 'https://api.datadoghq.eu', status: 200, body: '{"valid":true}' },
      ],
      verdict: { outcome: 'valid', facts: { mode: 'datadoghq.eu' } },
    },
    {
      name: 'a found key refused on the four sites asked: it may belong to another',
      source: 'hand-written from the validate-api-key page: a key of another site gets the same 403',
      purpose: 'leak',
      responses: LEAK_SITES.map((site) => ({ path: '/api/v1/validate', origin: `https://${apiHost(site)}`, status: 403, body: { errors: ['Forbidden'] } })),
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

function validateApiKey(site: string): HttpRequest {
  return { url: `https://${apiHost(site)}/api/v1/validate`, auth: { header: { name: 'DD-API-KEY', value: '${api-key}' } }, headers: { accept: 'application/json' } };
}

function validateBothKeys(site: string): HttpRequest {
  return { ...validateApiKey(site), url: `https://${apiHost(site)}/api/v2/validate_keys`, headers: { accept: 'application/json', 'dd-application-key': '${app-key}' } };
}

function facts(kind: string, site: string, res: HttpResponse): TokenFacts {
  return { kind, mode: site, rateLimit: rateLimitFrom(res, RATE_LIMIT) };
}

/** The verdict of GET /api/v1/validate, or undefined when the answer is neither a yes nor a refusal. */
function apiKeyVerdict(site: string, res: HttpResponse, ctx: CheckContext): Verdict | undefined {
  if (res.status === 200) {
    const answer = jsonObject(res, 'GET /api/v1/validate').valid;
    if (answer === true) return valid(facts('API key', site, res), res);
    if (answer === false) return rejected('invalid', `Datadog (${site}) answered that the API key is not valid`, res);
    return undefined;
  }
  if (res.status !== 401 && res.status !== 403) return undefined;
  // The key header did not arrive (a proxy dropped it): nothing was said of the key.
  if (firstError(res) === 'API key required') return undefined;
  const where = ctx.settings.site === undefined ? `${site}, the default site,` : site;
  return rejected(
    'invalid',
    `Datadog refused the API key on ${where} (HTTP ${res.status}${said(res)}): it is unknown or revoked, or it belongs to another Datadog site, which is refused the same way — set site: to the organization's site (${DATADOG_SITES.filter((s) => s !== site).slice(0, 3).join(', ')}, …)`,
    res,
  );
}

/** validate_keys answers 401/403 for a bad key of either kind: v1/validate then tells which. */
async function checkBothKeys(site: string, ctx: CheckContext): Promise<Verdict> {
  const both = await ctx.http.send(validateBothKeys(site));
  if (both.status === 200) {
    if (jsonObject(both, 'GET /api/v2/validate_keys').status !== 'ok') throw unexpectedAnswer(both, ', without "status": "ok"');
    return valid(facts('API key and application key', site, both), both);
  }
  if (both.status !== 401 && both.status !== 403) throw unexpectedAnswer(both);
  const apiOnly = await ctx.http.send(validateApiKey(site));
  const verdict = apiKeyVerdict(site, apiOnly, ctx);
  if (!verdict) throw unexpectedAnswer(apiOnly);
  if (verdict.outcome !== 'valid') return verdict;
  return rejected('invalid', `Datadog (${site}) accepts the API key but refused the application key (HTTP ${both.status}${said(both)}): it is unknown or revoked, or belongs to another organization`, both);
}

async function findSite(ctx: CheckContext): Promise<Verdict> {
  for (const site of LEAK_SITES) {
    const res = await ctx.http.send(validateApiKey(site));
    if (res.status === 401 || res.status === 403) continue;
    const verdict = apiKeyVerdict(site, res, ctx);
    if (verdict?.outcome === 'valid') return verdict;
    throw unexpectedAnswer(res);
  }
  const untried = DATADOG_SITES.filter((site) => !LEAK_SITES.includes(site));
  throw new ProblemError(
    'unexpected-response',
    `Datadog refused the API key on ${LEAK_SITES.join(', ')} (HTTP 403), as every site refuses the keys of the others; ${untried.join(', ')} were not asked (a check makes at most ${LEAK_SITES.length} requests), so the key may still be live there`,
  );
}

/** Datadog's own words: `{"errors": ["Forbidden"]}`. */
function firstError(res: HttpResponse): string {
  const errors = (tryJson(res.body) as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) && typeof errors[0] === 'string' ? oneLine(errors[0], 100) : '';
}

function said(res: HttpResponse): string {
  const error = firstError(res);
  return error ? `: ${error}` : '';
}

function unexpectedAnswer(res: HttpResponse, extra = ''): ProblemError {
  return unexpected(res, `${said(res)}${extra}`);
}
