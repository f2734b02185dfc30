// GitHub's credential revocation API, answered by a MockAgent; each request is checked against
// GitHub's own description of POST /credentials/revoke (unauthenticated, 1–1000 credentials).
import { describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/http/client.js';
import { Redactor } from '../../src/run/redact.js';
import { REVOKE_BATCH, REVOKE_MAX_REQUESTS, revocable, revokeGitHubTokens } from '../../src/run/revoke.js';
import { requestProblems } from '../helpers/github-openapi.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import { githubToken } from '../providers/github-fixtures.js';

const mock = useMockAgent();
const TOKENS = [githubToken('ghp_', 'Zq8Yw3Vx6Ut1Sr4Qp7On0Ml3Kj6Ih9G'), githubToken('gho_', 'Pm2Nb5Vc8Xz1Lk4Jh7Gf0Ds3Aq6Wr9T')];

/** The engine's client: answers scrubbed by the redactor that holds every found secret (scan-step protects them first). */
function client() {
  const redactor = new Redactor();
  for (const token of TOKENS) redactor.add(token);
  return new HttpClient({ dispatcher: mock(), timeoutMs: 1_000, random: () => 0, redact: (text) => redactor.redact(text) });
}

/** Records each request to /credentials/revoke and answers with `status`. */
function revokeApi(status: number, body: unknown = {}, times = 1) {
  const seen: Array<{ headers: Record<string, string>; body: { credentials: string[] } }> = [];
  mock().get('https://api.github.com').intercept({ path: '/credentials/revoke', method: 'POST' }).reply((req) => {
    const parsed = JSON.parse(String(req.body)) as { credentials: string[] };
    expect(requestProblems('POST', '/credentials/revoke', parsed)).toEqual([]);
    seen.push({ headers: req.headers as Record<string, string>, body: parsed });
    return { statusCode: status, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
  }).times(times);
  return seen;
}

describe('revokeGitHubTokens', () => {
  it('submits the tokens unauthenticated in one request and reports each as submitted (202)', async () => {
    const seen = revokeApi(202);
    const outcomes = await revokeGitHubTokens([...TOKENS, TOKENS[0]!], client());
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body.credentials).toEqual(TOKENS);
    // "Any authenticated requests will return a 403."
    expect(Object.keys(seen[0]!.headers).map((h) => h.toLowerCase())).not.toContain('authorization');
    expect([...outcomes.values()]).toEqual([expect.objectContaining({ status: 'submitted' }), expect.objectContaining({ status: 'submitted' })]);
  });

  it('a 422 is a failure with GitHub\'s message; the tokens never appear in it', async () => {
    revokeApi(422, { message: `Validation Failed for ${TOKENS[0]}`, documentation_url: 'https://docs.github.com/rest' });
    const outcomes = await revokeGitHubTokens(TOKENS, client());
    const outcome = outcomes.get(TOKENS[0]!)!;
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toMatch(/^GitHub's credential revocation API answered 422 \(Validation Failed for /);
    expect(outcome.message).not.toContain(TOKENS[0]);
  });

  it('no answer: a failure that says so', async () => {
    mock().get('https://api.github.com').intercept({ path: '/credentials/revoke', method: 'POST' }).replyWithError(new Error('connect ECONNREFUSED')).persist();
    const outcomes = await revokeGitHubTokens(TOKENS, client());
    expect(outcomes.get(TOKENS[1]!)).toMatchObject({ status: 'failed', message: expect.stringMatching(/could not be reached/) });
  });

  it(`batches of ${REVOKE_BATCH}, at most ${REVOKE_MAX_REQUESTS} requests a run; the rest said not submitted`, async () => {
    const many = Array.from({ length: REVOKE_BATCH * REVOKE_MAX_REQUESTS + 3 }, (_, i) => `ghp_${String(i).padStart(36, 'x')}`);
    const seen = revokeApi(202, {}, REVOKE_MAX_REQUESTS);
    const outcomes = await revokeGitHubTokens(many, client());
    expect(seen.map((s) => s.body.credentials.length)).toEqual(Array(REVOKE_MAX_REQUESTS).fill(REVOKE_BATCH));
    expect(outcomes.get(many.at(-1)!)).toMatchObject({ status: 'failed', message: expect.stringContaining('not submitted') });
  });

  it.each([
    ['ghp_', true], ['github_pat_', true], ['gho_', true], ['ghu_', true], ['ghr_', true], ['ghs_', false], ['glpat-', false],
  ])('%s is revocable through this API: %s', (prefix, expected) => {
    expect(revocable(`${prefix}abc`)).toBe(expected);
  });
});
