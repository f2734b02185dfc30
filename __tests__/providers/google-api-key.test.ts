// Google API keys through the HTTP layer: the key travels in X-Goog-Api-Key (never in the URL),
// `api` picks the probe and its host, and Google's error reasons decide — a 403 for a disabled or
// restricted API means the key exists. Bodies: the issues cited in src/providers/google-api-key.ts.
import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { HttpClient } from '../../src/http/client.js';
import { googleApiKey } from '../../src/providers/google-api-key.js';
import type { Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const KEY = `AIzaSy${'SENTINELkey0123456789abcdefghi'}`;
const GEMINI = 'https://generativelanguage.googleapis.com';

function check(settings: Record<string, unknown> = {}): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(googleApiKey, { purpose: 'preflight', env: {}, settings });
  const session = http.session({ base: target.base, hosts: target.hosts, credential: { token: KEY }, throttling: target.throttling });
  return googleApiKey.check({ token: KEY }, { http: session, env: {}, purpose: 'preflight', settings }).catch((error: { code: string; message: string }) => ({ outcome: 'unknown' as const, code: error.code as never, message: error.message }));
}

const googleError = (code: number, status: string, message: string, reasons: string[] = []) => ({
  error: { code, message, status, details: reasons.map((reason) => ({ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com' })) },
});

/** Answers the Gemini probe once, recording the path and headers it was asked with. */
function gemini(status: number, body: object) {
  const seen: Array<{ path: string; headers: Record<string, string> }> = [];
  mock()
    .get(GEMINI)
    .intercept({ path: /^\/v1beta\/models/, method: 'GET' })
    .reply((req) => {
      seen.push({ path: req.path, headers: req.headers as Record<string, string> });
      return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
    });
  return seen;
}

describe('google-api-key', () => {
  it('sends the key in X-Goog-Api-Key to the Gemini API, never in the URL', async () => {
    const seen = gemini(200, { models: [{ name: 'models/gemini-2.0-flash' }] });
    expect(await check()).toMatchObject({ outcome: 'valid', facts: { kind: 'API key', notes: ['works for the Gemini API (generativelanguage.googleapis.com)'] } });
    expect(seen).toEqual([{ path: '/v1beta/models?pageSize=1', headers: expect.objectContaining({ 'x-goog-api-key': KEY }) }]);
  });

  it('checks against the YouTube Data API when api: youtube, on its own host only', async () => {
    mock()
      .get('https://www.googleapis.com')
      .intercept({ path: '/youtube/v3/videoCategories?part=snippet&id=1', method: 'GET', headers: { 'x-goog-api-key': KEY } })
      .reply(200, JSON.stringify({ kind: 'youtube#videoCategoryListResponse', items: [{ kind: 'youtube#videoCategory', id: '1' }] }));
    expect(await check({ api: 'youtube' })).toMatchObject({ outcome: 'valid', facts: { notes: ['works for the YouTube Data API v3'] } });
    expect(googleApiKey.fromSettings!({ api: 'youtube' }).hosts).toEqual(['www.googleapis.com']);
    expect(googleApiKey.fromSettings!({ api: 'maps' }).hosts).toEqual([]);
  });

  it("does not pass a 200 that is not the API's answer", async () => {
    gemini(200, { kind: 'something else' });
    expect(await check()).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
  });

  it('reads API_KEY_EXPIRED as expired', async () => {
    gemini(400, googleError(400, 'INVALID_ARGUMENT', 'API key expired. Please renew the API key.', ['API_KEY_EXPIRED']));
    expect(await check()).toMatchObject({ outcome: 'rejected', code: 'expired', message: expect.stringContaining('API key expired') });
  });

  it('reads a key Google reported as leaked as revoked', async () => {
    gemini(403, { error: { code: 403, message: 'Your API key was reported as leaked. Please use another API key.', status: 'PERMISSION_DENIED' } });
    expect(await check()).toMatchObject({ outcome: 'rejected', code: 'revoked' });
  });

  it('calls a key refused for its IP restrictions valid, and says why it did not work', async () => {
    gemini(403, googleError(403, 'PERMISSION_DENIED', 'The provided API key has an IP address restriction.', ['API_KEY_IP_ADDRESS_BLOCKED']));
    expect(await check()).toMatchObject({ outcome: 'valid', facts: { notes: ['the key is valid, but its application restrictions refuse this IP address'] } });
  });

  it('reads the legacy errors[].reason too', async () => {
    gemini(400, { error: { code: 400, message: 'Bad Request', errors: [{ domain: 'usageLimits', reason: 'keyInvalid', message: 'Bad Request' }] } });
    expect(await check()).toMatchObject({ outcome: 'rejected', code: 'invalid' });
  });

  it('does not take a 400 of another kind (an unsupported location) for a verdict on the key', async () => {
    gemini(400, googleError(400, 'FAILED_PRECONDITION', 'User location is not supported for the API use.'));
    expect(await check()).toMatchObject({ outcome: 'unknown', code: 'unexpected-response', message: expect.stringContaining('User location is not supported') });
  });

  it('reports 429 as rate-limited and 5xx as unexpected-response', async () => {
    gemini(429, googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded'));
    expect(await check()).toMatchObject({ outcome: 'unknown', code: 'rate-limited' });
    gemini(500, googleError(500, 'INTERNAL', 'Internal error'));
    expect(await check()).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
  });

  it('matches the real key shape only', () => {
    const [format] = googleApiKey.formats!;
    expect(format!.test(`AIza${'A'.repeat(35)}`)).toBe(true);
    expect(format!.test(`AIza${'A'.repeat(34)}`)).toBe(false);
    expect(format!.test(`xAIza${'A'.repeat(35)}`)).toBe(false);
  });
});
