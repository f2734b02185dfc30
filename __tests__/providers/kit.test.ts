import { describe, expect, it } from 'vitest';
import { fromEpochSeconds, jsonObject, jsonPath, parseDate, providerMessage, rateLimitFrom } from '../../src/providers/kit.js';
import type { HttpResponse } from '../../src/http/types.js';

const response = (headers: Record<string, string> = {}, body = ''): HttpResponse => ({ status: 200, headers, body, latencyMs: 1, attempts: 1, host: 'api.example.com' });

describe('parseDate', () => {
  it.each([
    ['2026-12-01T00:00:00Z', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01', '2026-12-01T00:00:00.000Z'],
    ['2027-03-31 00:00:00 +0900', '2027-03-30T15:00:00.000Z'],
    ['2027-03-31T08:30:00-01:30', '2027-03-31T10:00:00.000Z'],
    ['2024-06-01 00:00:00 UTC', '2024-06-01T00:00:00.000Z'],
    ['2028-02-29T12:00:00.5Z', '2028-02-29T12:00:00.500Z'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2031-02-30T00:00:00Z', // no such day: JavaScript would roll it over to March 2
    '2027-02-29', // not a leap year
    '2026-13-01',
    '2026-12-01T24:00:00Z',
    '2026-12-01T12:60:00Z',
    '2026-12-01T12:00:00+25:00',
    '9999-12-31T23:59:59-14:00', // past year 9999
    '+275760-09-13T00:00:00Z',
    'tomorrow',
    '',
  ])('refuses %j instead of rolling it over', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('numbers and rate limits from headers', () => {
  it('ignores unusable epoch values instead of failing a valid token', () => {
    expect(fromEpochSeconds('1798761600')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    for (const value of ['99999999999999999999', '1e30', '-5', 'soon', '', '0']) expect(fromEpochSeconds(value)).toBeUndefined();
  });

  it('reads what it can and leaves out the rest', () => {
    const names = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' };
    expect(rateLimitFrom(response({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': '99999999999999999' }), names)).toEqual({ limit: 5000, remaining: 4990, resetAt: undefined });
    expect(rateLimitFrom(response({ 'x-ratelimit-remaining': 'lots' }), names)).toBeUndefined();
    expect(rateLimitFrom(response({ 'ratelimit-reset': '30' }), { reset: 'ratelimit-reset', resetFormat: 'seconds-left' }, Date.UTC(2026, 0, 1))?.resetAt).toBe('2026-01-01T00:00:30.000Z');
  });
});

describe('JSON helpers', () => {
  it('walks paths, with indexes, quoted keys and wildcards', () => {
    const value = { a: { b: [{ c: 1 }, { c: 2 }] }, 'odd key': true };
    expect(jsonPath(value, '$.a.b[1].c')).toBe(2);
    expect(jsonPath(value, '$.a.b[*].c')).toEqual([1, 2]);
    expect(jsonPath(value, "$['odd key']")).toBe(true);
    expect(jsonPath(value, '$.a.x.y')).toBeUndefined();
    expect(jsonPath(value, 'a.b')).toBeUndefined();
    expect(jsonPath({ toString: 1 }, '$.constructor')).toBeUndefined();
  });

  it('gives a clear error for a body that is not a JSON object, and reads error messages in common shapes', () => {
    expect(() => jsonObject(response({}, '<html>'), 'GET /me')).toThrow('api.example.com answered HTTP 200 to GET /me, but its body is not a JSON object');
    expect(providerMessage(response({}, '{"error":{"message":"Incorrect API key\\u001b[31m provided"}}'))).toBe('Incorrect API key [31m provided');
    expect(providerMessage(response({}, '{"error":"invalid_token","error_description":"expired"}'))).toBe('expired');
    expect(providerMessage(response({}, 'not json'))).toBe('');
  });
});
