// AWS through the HTTP layer: STS GetCallerIdentity signed with SigV4 (the signature recomputed
// here by hand, independently of @smithy/signature-v4), the STS error dialect, regions, and the
// whole engine for masking and modes. Bodies: hashicorp/aws-sdk-go-base servicemocks/mock.go.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';
import { HttpClient } from '../../src/http/client.js';
import { aws, stsEndpoint } from '../../src/providers/aws.js';
import type { Credential, Verdict } from '../../src/providers/provider.js';
import { targetFor } from '../../src/run/target.js';

const mock = useMockAgent();
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_KEY_ID = 'ASIAIOSFODNN7EXAMPLE';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENvalue0123456789';

const identity = (arn: string, account: string, userId = 'AIDACKCEVSQ6C2EXAMPLE') =>
  `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>${userId}</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
const ALICE = identity('arn:aws:iam::123456789012:user/Alice', '123456789012');
const stsError = (code: string, message: string) =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>4d0cf5ec-892a-4d3f-84e4-30e9987d9bdd</RequestId></ErrorResponse>`;

interface Seen {
  origin: string;
  headers: Record<string, string>;
  body: string;
}

/** Answers each POST / in turn (the last one for any further request), recording what was sent. */
function sts(answers: Array<{ status: number; body: string }>, origin = 'https://sts.amazonaws.com'): Seen[] {
  const seen: Seen[] = [];
  mock()
    .get(origin)
    .intercept({ path: '/', method: 'POST' })
    .reply((req) => {
      seen.push({ origin, headers: req.headers as Record<string, string>, body: String(req.body) });
      const answer = answers[Math.min(seen.length, answers.length) - 1]!;
      return { statusCode: answer.status, data: answer.body, responseOptions: { headers: { 'content-type': 'text/xml' } } };
    })
    .persist();
  return seen;
}

function check(credential: Credential, settings: Record<string, unknown> = {}): Promise<Verdict> {
  const http = new HttpClient({ dispatcher: mock(), timeoutMs: 2_000, random: () => 0, maxAttempts: 1 });
  const target = targetFor(aws, { purpose: 'preflight', env: {}, settings });
  const session = http.session({ base: target.base, hosts: target.hosts, credential, throttling: target.throttling });
  return aws.check(credential, { http: session, env: {}, purpose: 'preflight', settings }).catch((error: { code: string; message: string }) => ({ outcome: 'unknown' as const, code: error.code as never, message: error.message }));
}

const hex = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4 as docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html spells it out. */
function expectedSignature(seen: Seen, host: string, region: string, secret: string): string {
  const date = seen.headers['x-amz-date']!;
  const signed = seen.headers.authorization!.match(/SignedHeaders=([^,]+)/)![1]!.split(';');
  const value = (name: string) => (name === 'host' ? host : seen.headers[name]!);
  const canonical = ['POST', '/', '', ...signed.map((name) => `${name}:${value(name)}`), '', signed.join(';'), hex(seen.body)].join('\n');
  const scope = `${date.slice(0, 8)}/${region}/sts/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', date, scope, hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date.slice(0, 8)), region), 'sts'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('aws: the signed request', () => {
  it('signs GetCallerIdentity with SigV4 for the global endpoint, and never sends the secret', async () => {
    const seen = sts([{ status: 200, body: ALICE }]);
    const verdict = await check({ 'access-key-id': KEY_ID, 'secret-access-key': SECRET });
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { identity: 'arn:aws:iam::123456789012:user/Alice', mode: '123456789012', kind: 'long-term access key' } });
    const [request] = seen;
    expect(request!.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    expect(request!.headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${KEY_ID}/${today}/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$`),
    );
    expect(request!.headers.authorization!.split('Signature=')[1]).toBe(expectedSignature(request!, 'sts.amazonaws.com', 'us-east-1', SECRET));
    expect(request!.headers['x-amz-security-token']).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(SECRET);
    expect(JSON.stringify(verdict)).not.toContain(SECRET);
  });

  it('sends the session token as X-Amz-Security-Token, signed, with ASIA session credentials', async () => {
    const seen = sts([{ status: 200, body: identity('arn:aws:sts::555555555555:assumed-role/deploy/ci', '555555555555', 'AROA123EXAMPLE123:ci') }]);
    const verdict = await check({ 'access-key-id': SESSION_KEY_ID, 'secret-access-key': SECRET, 'session-token': SESSION_TOKEN });
    expect(verdict).toMatchObject({ outcome: 'valid', facts: { kind: 'temporary session credentials', mode: '555555555555', notes: ['user id: AROA123EXAMPLE123:ci'] } });
    expect(seen[0]!.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    expect(seen[0]!.headers.authorization).toContain('SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,');
    expect(seen[0]!.headers.authorization!.split('Signature=')[1]).toBe(expectedSignature(seen[0]!, 'sts.amazonaws.com', 'us-east-1', SECRET));
  });

  it('goes to the regional endpoint and signs for its region', async () => {
    const seen = sts([{ status: 200, body: ALICE }], 'https://sts.eu-west-1.amazonaws.com');
    await check({ 'access-key-id': KEY_ID, 'secret-access-key': SECRET }, { region: 'eu-west-1' });
    expect(seen[0]!.headers.authorization).toContain('/eu-west-1/sts/aws4_request');
    expect(seen[0]!.headers.authorization!.split('Signature=')[1]).toBe(expectedSignature(seen[0]!, 'sts.eu-west-1.amazonaws.com', 'eu-west-1', SECRET));
  });

  it('knows the endpoints of GovCloud and China, and refuses what is not a region name', () => {
    expect(stsEndpoint(undefined)).toEqual({ host: 'sts.amazonaws.com', region: 'us-east-1' });
    expect(stsEndpoint('us-gov-west-1')).toEqual({ host: 'sts.us-gov-west-1.amazonaws.com', region: 'us-gov-west-1' });
    expect(stsEndpoint('cn-north-1')).toEqual({ host: 'sts.cn-north-1.amazonaws.com.cn', region: 'cn-north-1' });
    for (const bad of ['evil.example.com/', 'eu-west-1.attacker.net', 'us-iso-east-1', 'EU-WEST-1', '']) expect(stsEndpoint(bad), bad).toBeUndefined();
    expect(aws.fromSettings!({ region: 'eu-west-1.attacker.net' }).hosts).toEqual([]);
  });
});

describe('aws: what STS answers', () => {
  const credential = { 'access-key-id': KEY_ID, 'secret-access-key': SECRET };

  it('asks once more after SignatureDoesNotMatch, as STS may refuse a right secret right after a wrong one', async () => {
    const seen = sts([{ status: 403, body: stsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.') }, { status: 200, body: ALICE }]);
    expect(await check(credential)).toMatchObject({ outcome: 'valid' });
    expect(seen).toHaveLength(2);
  });

  it('calls a secret that still does not match invalid, after two tries', async () => {
    const seen = sts([{ status: 403, body: stsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.') }]);
    expect(await check(credential)).toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining('secret access key does not match') });
    expect(seen).toHaveLength(2);
  });

  it('blames the clock, not the key, for an expired signature, and does not ask again', async () => {
    const seen = sts([{ status: 403, body: stsError('SignatureDoesNotMatch', 'Signature expired: 20240101T000000Z is now earlier than 20240101T001500Z (20240101T003000Z - 15 min.)') }]);
    expect(await check(credential)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response', message: expect.stringContaining('clock') });
    expect(seen).toHaveLength(1);
  });

  it('says that an ASIA key id needs its session token', async () => {
    sts([{ status: 403, body: stsError('InvalidClientTokenId', 'The security token included in the request is invalid.') }]);
    expect(await check({ 'access-key-id': SESSION_KEY_ID, 'secret-access-key': SECRET })).toMatchObject({ outcome: 'rejected', code: 'invalid', message: expect.stringContaining('needs its session-token') });
  });

  it('flags the root user', async () => {
    sts([{ status: 200, body: identity('arn:aws:iam::123456789012:root', '123456789012', '123456789012') }]);
    const verdict = await check(credential);
    expect(verdict.outcome === 'valid' && verdict.facts.notes).toContain("the account's root user: AWS advises against access keys for the root user");
  });

  it('does not pass a 200 whose Account is not an account id', async () => {
    sts([{ status: 200, body: identity('arn:aws:iam::123456789012:user/Alice', 'not-an-account') }]);
    expect(await check(credential)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response' });
  });

  it('does not call a denial without a principal valid', async () => {
    sts([{ status: 403, body: stsError('AccessDenied', 'Access denied') }]);
    expect(await check(credential)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response', message: expect.stringContaining('AccessDenied: Access denied') });
  });

  it('reads Throttling (HTTP 400) as rate-limited', async () => {
    sts([{ status: 400, body: stsError('Throttling', 'Rate exceeded') }]);
    expect(await check(credential)).toMatchObject({ outcome: 'unknown', code: 'rate-limited' });
  });

  it('reports a 5xx as unexpected-response', async () => {
    sts([{ status: 503, body: '<html>Service Unavailable</html>' }]);
    expect(await check(credential)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response', message: expect.stringContaining('HTTP 503') });
  });

  it('never follows a redirect', async () => {
    mock().get('https://sts.amazonaws.com').intercept({ path: '/', method: 'POST' }).reply(302, '', { headers: { location: 'https://evil.example.com/' } });
    expect(await check(credential)).toMatchObject({ outcome: 'unknown', code: 'unexpected-response', message: expect.stringContaining('redirect') });
  });
});

describe('aws: through the engine', () => {
  const env = { AWS_ACCESS_KEY_ID: SESSION_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: SESSION_TOKEN };
  const spec = (overrides: Partial<TokenSpec> = {}) =>
    tokenSpec('aws', { 'access-key-id': 'AWS_ACCESS_KEY_ID', 'secret-access-key': 'AWS_SECRET_ACCESS_KEY', 'session-token': 'AWS_SESSION_TOKEN' }, overrides);
  // The key id is an identifier: shown, not hidden.
  const run = (tokens: TokenSpec[]) => runEngine(tokens, env, mock(), { secrets: [SECRET, SESSION_TOKEN] });

  it('masks the secret and the session token, and pins the account with expect-mode', async () => {
    sts([{ status: 200, body: identity('arn:aws:sts::555555555555:assumed-role/deploy/ci', '555555555555') }]);
    const { token, masked } = await run([spec({ expectMode: '123456789012' })]);
    expect(masked).toEqual(expect.arrayContaining([SECRET, SESSION_TOKEN]));
    expect(token).toMatchObject({ status: 'fail', mode: '555555555555', host: 'sts.amazonaws.com' });
    expect(token.problems).toMatchObject([{ code: 'wrong-mode' }]);
  });

  it('reports expired session credentials as expired', async () => {
    sts([{ status: 403, body: stsError('ExpiredToken', 'The security token included in the request is expired') }]);
    const { token } = await run([spec()]);
    expect(token.problems).toMatchObject([{ code: 'expired' }]);
  });
});
