import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { jsonObject, malformed, providerMessage, rejected, tryJson, valid } from './kit.js';
import type { Example, Provider, Verdict } from './provider.js';

// A Google API key reveals nothing about itself: it is checked by a free read-only call of one API,
// sent in the X-Goog-Api-Key header (cloud.google.com/apis/docs/system-parameters), never in the URL.
// Gemini: ai.google.dev/api/models#method:-models.list; YouTube: developers.google.com/youtube/v3/docs/videoCategories/list
// (1 quota unit). Error reasons (google.rpc.ErrorInfo): cloud.google.com/apis/design/errors#error_info,
// and the legacy `errors[].reason` of developers.google.com/youtube/v3/docs/core_errors. Google answers an
// unknown key with 400 API_KEY_INVALID, and a known key the API will not serve with 403: the key exists.

interface Probe {
  /** Named in notes: "valid, but <name> is not enabled in its project". */
  name: string;
  host: string;
  path: string;
  /** The answer of a working key, not a captive portal's 200. */
  answered(body: Record<string, unknown>): boolean;
}

const PROBES: Record<string, Probe> = {
  gemini: {
    name: 'the Gemini API (generativelanguage.googleapis.com)',
    host: 'generativelanguage.googleapis.com',
    path: '/v1beta/models?pageSize=1',
    answered: (body) => Array.isArray(body.models),
  },
  youtube: {
    name: 'the YouTube Data API v3',
    host: 'www.googleapis.com',
    path: '/youtube/v3/videoCategories?part=snippet&id=1',
    answered: (body) => body.kind === 'youtube#videoCategoryListResponse',
  },
};
const DEFAULT_API = 'gemini';

function probeOf(api: unknown): Probe | undefined {
  return api === undefined ? PROBES[DEFAULT_API] : typeof api === 'string' && Object.hasOwn(PROBES, api) ? PROBES[api] : undefined;
}

/** The reasons of a Google error: ErrorInfo details (in any order, beside Help and LocalizedMessage) and legacy `errors[]`. */
function reasonsOf(res: HttpResponse): Set<string> {
  const error = (tryJson(res.body) as { error?: { details?: unknown; errors?: unknown } } | undefined)?.error;
  const reasons = new Set<string>();
  for (const list of [error?.details, error?.errors]) {
    if (!Array.isArray(list)) continue;
    for (const item of list as Array<{ reason?: unknown }>) if (typeof item?.reason === 'string') reasons.add(item.reason);
  }
  return reasons;
}

/** The key exists, but the API refuses it for a reason of the project's or the key's own settings. */
const RESTRICTIONS: Array<[string[], (api: string) => string]> = [
  [['SERVICE_DISABLED', 'accessNotConfigured'], (api) => `the key is valid, but ${api} is not enabled in its project`],
  [['API_KEY_SERVICE_BLOCKED'], (api) => `the key is valid, but its API restrictions do not allow ${api}`],
  [['API_KEY_IP_ADDRESS_BLOCKED', 'ipRefererBlocked'], () => 'the key is valid, but its application restrictions refuse this IP address'],
  [['API_KEY_HTTP_REFERRER_BLOCKED'], () => 'the key is valid, but its application restrictions allow only certain HTTP referrers'],
  [['API_KEY_ANDROID_APP_BLOCKED', 'API_KEY_IOS_APP_BLOCKED'], () => 'the key is valid, but its application restrictions allow only certain mobile apps'],
];

function judge(res: HttpResponse, probe: Probe): Verdict {
  if (res.status === 200) {
    if (!probe.answered(jsonObject(res, `the call to ${probe.name}`))) throw malformed(res, `the call to ${probe.name}`, 'it is not that API\'s answer');
    return valid({ kind: 'API key', notes: [`works for ${probe.name}`] }, res);
  }
  const reasons = reasonsOf(res);
  const has = (...names: string[]) => names.some((name) => reasons.has(name));
  const said = providerMessage(res);
  const withSaid = (text: string) => (said ? `${text}: ${said}` : text);
  if (res.status === 400 && has('API_KEY_INVALID', 'keyInvalid')) return rejected('invalid', withSaid('Google does not know this API key'), res);
  if (res.status === 400 && has('API_KEY_EXPIRED', 'keyExpired')) return rejected('expired', withSaid('Google says the API key has expired'), res);
  if (res.status === 403) {
    if (has('CONSUMER_SUSPENDED')) return rejected('revoked', 'Google has suspended the key (or its project)', res);
    if (/reported as leaked/i.test(said)) return rejected('revoked', withSaid('Google blocked the key as leaked'), res);
    for (const [names, note] of RESTRICTIONS) if (has(...names)) return valid({ kind: 'API key', notes: [note(probe.name)] }, res);
  }
  throw new ProblemError('unexpected-response', withSaid(`${res.host} answered HTTP ${res.status}${reasons.size ? ` (${[...reasons].map((r) => oneLine(r, 60)).join(', ')})` : ''}`));
}

/** A Google error body (google.rpc.Status) with its details. */
function googleError(code: number, status: string, message: string, ...details: object[]) {
  return { error: { code, message, status, ...(details.length ? { details } : {}) } };
}

/** The ErrorInfo detail that names the reason, for the API's service (and the key's project). */
function errorInfo(reason: string, service = 'generativelanguage.googleapis.com', consumer?: string) {
  return { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata: consumer ? { service, consumer } : { service } };
}

/** The answer to the probe of `api` (Gemini's by default). */
function probeAnswer(status: number, body: object | string, { api = DEFAULT_API }: { api?: string } = {}): NonNullable<Example['responses']> {
  const probe = PROBES[api]!;
  return [{ path: probe.path, origin: `https://${probe.host}`, status, body }];
}

const INVALID_KEY = 'API key not valid. Please pass a valid API key.';
const INVALID_KEY_IN_ENGLISH = { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: INVALID_KEY };
const PROJECT = 'projects/123456789012';

const examples: Example[] = [
  {
    name: 'a key that works for the Gemini API',
    source: 'ai.google.dev/api/models#method:-models.list (ListModelsResponse: models[], nextPageToken); body hand-written in that shape',
    responses: probeAnswer(200, {
      models: [
        {
          name: 'models/gemini-2.0-flash',
          version: '2.0',
          displayName: 'Gemini 2.0 Flash',
          inputTokenLimit: 1048576,
          outputTokenLimit: 8192,
          supportedGenerationMethods: ['generateContent', 'countTokens'],
        },
      ],
      nextPageToken: 'Ch5tb2RlbHMvZ2VtaW5pLTIuMC1mbGFzaA',
    }),
    verdict: { outcome: 'valid', facts: { kind: 'API key', notes: ['works for the Gemini API (generativelanguage.googleapis.com)'] } },
  },
  {
    name: 'an unknown key',
    source: "continuedev/continue#8516 (the Gemini API's answer, pasted)",
    responses: probeAnswer(400, googleError(400, 'INVALID_ARGUMENT', INVALID_KEY, errorInfo('API_KEY_INVALID'), INVALID_KEY_IN_ENGLISH)),
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
  {
    name: 'a key whose project has not enabled the API (Help listed before ErrorInfo)',
    source: 'google/generative-ai-docs#74 (403 SERVICE_DISABLED, pasted; project number and the staging host replaced)',
    responses: probeAnswer(
      403,
      googleError(
        403,
        'PERMISSION_DENIED',
        'Generative Language API has not been used in project 123456789012 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123456789012 then retry.',
        {
          '@type': 'type.googleapis.com/google.rpc.Help',
          links: [{ description: 'Google developers console API activation', url: 'https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123456789012' }],
        },
        errorInfo('SERVICE_DISABLED', undefined, PROJECT),
      ),
    ),
    verdict: { outcome: 'valid', facts: { notes: ['the key is valid, but the Gemini API (generativelanguage.googleapis.com) is not enabled in its project'] } },
  },
  {
    name: 'a key restricted to other APIs',
    source: 'continuedev/continue#12781 (403 API_KEY_SERVICE_BLOCKED, pasted; project number replaced)',
    responses: probeAnswer(
      403,
      googleError(403, 'PERMISSION_DENIED', 'Requests to this API generativelanguage.googleapis.com method google.ai.generativelanguage.v1beta.ModelService.ListModels are blocked.', errorInfo('API_KEY_SERVICE_BLOCKED', undefined, PROJECT)),
    ),
    verdict: { outcome: 'valid', facts: { notes: ['the key is valid, but its API restrictions do not allow the Gemini API (generativelanguage.googleapis.com)'] } },
  },
  {
    name: 'a suspended key',
    source: 'google/generative-ai-docs#356 (403 CONSUMER_SUSPENDED, pasted; the key in the message replaced)',
    responses: probeAnswer(
      403,
      googleError(403, 'PERMISSION_DENIED', "Permission denied: Consumer 'api_key:AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX' has been suspended.", errorInfo('CONSUMER_SUSPENDED', undefined, 'projects/578829824020')),
    ),
    verdict: { outcome: 'rejected', code: 'revoked' },
  },
  {
    name: 'a 403 that names no reason',
    source: 'poenl/gemini-api#8 (403 "Your project has been denied access" without details, pasted)',
    responses: probeAnswer(403, googleError(403, 'PERMISSION_DENIED', 'Your project has been denied access. Please contact support.')),
    verdict: { outcome: 'unknown', code: 'unexpected-response' },
  },
  {
    name: 'an unknown key, checked against the YouTube Data API',
    source: 'continuedev/continue#8516 (the same ESF answer; service name changed to youtube.googleapis.com)',
    settings: { api: 'youtube' },
    responses: probeAnswer(400, googleError(400, 'INVALID_ARGUMENT', INVALID_KEY, errorInfo('API_KEY_INVALID', 'youtube.googleapis.com')), { api: 'youtube' }),
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
];

export const googleApiKey: Provider = {
  id: 'google-api-key',
  title: 'Google API key (AIza…)',
  ping: '`GET generativelanguage.googleapis.com/v1beta/models?pageSize=1` (or, with `api: youtube`, one video category)',
  fields: [{ id: 'token', description: 'the API key (AIza…)', rotates: true }],
  hosts: [...new Set(Object.values(PROBES).map((probe) => probe.host))],
  apiRoot: `https://${PROBES[DEFAULT_API]!.host}/`,
  can: { identity: false, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  settings: {
    properties: {
      api: {
        enum: Object.keys(PROBES),
        description:
          'The API whose free read-only call checks the key: gemini (default: lists one model) or youtube (one video category, 1 quota unit). A key the API refuses for its restrictions or a disabled API is reported valid, with a note.',
      },
    },
  },
  formats: [/^AIza[0-9A-Za-z_-]{35}$/],
  examples,

  async check(_credential, ctx) {
    const probe = probeOf(ctx.settings.api);
    if (!probe) throw new ProblemError('unexpected-response', `api must be one of ${Object.keys(PROBES).join(', ')}; the key was not sent`);
    const res = await ctx.http.send({ url: probe.path, auth: { header: { name: 'x-goog-api-key', value: '${token}' } } });
    return judge(res, probe);
  },

  fromSettings(settings) {
    const probe = probeOf(settings.api);
    return { hosts: probe ? [probe.host] : [] };
  },
};
