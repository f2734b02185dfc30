import { describe, expect, it } from 'vitest';
import { useMockAgent } from '../helpers/mock-agent.js';
import { Redactor, REDACTED } from '../../src/run/redact.js';
import { runPreflight } from '../../src/run/run.js';
import { redactResult } from '../../src/run/redact-result.js';
import type { RunResult } from '../../src/run/result.js';
import type { TokenSpec } from '../../src/config/types.js';
import { renderText } from '../../src/report/text.js';
import { jsonReportText } from '../../src/report/json.js';
import { renderSummary } from '../../src/report/summary.js';
import { toAnnotations } from '../../src/report/annotations.js';
import { toOutputs } from '../../src/report/outputs.js';
import { BAD_CREDENTIALS } from '../providers/github-fixtures.js';

describe('Redactor', () => {
  const secret = 'SENTINELabcdefghijklmnop0123';

  it('removes a whole secret, and any part of 8 characters or more', () => {
    const r = new Redactor();
    r.add(secret);
    expect(r.redact(`token ${secret} here`)).toBe(`token ${REDACTED} here`);
    expect(r.redact(`starts with ${secret.slice(0, 16)}…`)).toBe(`starts with ${REDACTED}…`);
    expect(r.redact(`middle ${secret.slice(5, 13)} x`)).toBe(`middle ${REDACTED} x`);
    expect(r.redact('nothing secret here at all')).toBe('nothing secret here at all');
    // Seven characters of a secret are not a window: left alone.
    expect(r.redact(`x ${secret.slice(0, 7)} y`)).toBe(`x ${secret.slice(0, 7)} y`);
  });

  it('merges overlapping and adjacent matches into one mark', () => {
    const r = new Redactor();
    r.add(secret);
    r.add('ANOTHERsecret99');
    expect(r.redact(`${secret}${secret}`)).toMatch(/^(\*\*\*)+$/);
    expect(r.redact(`a ${secret} b ANOTHERsecret99 c`)).toBe(`a ${REDACTED} b ${REDACTED} c`);
  });

  it('takes time linear in the text, whatever the number of secrets', () => {
    const few = new Redactor();
    const many = new Redactor();
    for (let i = 0; i < 10; i++) few.add(`SECRET${i}`.padEnd(40, `${i}x`));
    for (let i = 0; i < 10_000; i++) many.add(`SECRET${i}`.padEnd(40, `${i}x`));
    const text = 'lorem ipsum dolor sit amet '.repeat(4_000);
    const time = (r: Redactor) => {
      const started = performance.now();
      for (let i = 0; i < 5; i++) r.redact(text);
      return performance.now() - started;
    };
    time(few);
    const [a, b] = [time(few), time(many)];
    // A pairwise comparison would be ~1000× slower with 1000× the secrets; a set lookup is not.
    expect(b).toBeLessThan(a * 5 + 50);
  });
});

/**
 * The fail-open defect: redaction used to rewrite every string of the result — its structure
 * included — so a token whose value was `fail` turned `"result": "fail"` into `"***"` and the step
 * passed; `ok`, `t`, `e` crashed every reporter. Now such values are refused unsent, never masked,
 * and the result's structure is never rewritten.
 */
describe('secrets that look like the report itself', () => {
  const mock = useMockAgent();
  const spec = (name: string, secret: string): TokenSpec => ({ name, provider: 'github', secret: { token: secret }, optional: false, expiryWarningDays: 14, rejectInvalid: false, settings: {}, source: {} });

  it.each(['fail', 'ok', 't', 'e', 'token', 'warn', 'github', 'invalid'])('a token whose value is %j is refused, unsent and unmasked; every reporter works', async (value) => {
    const masked: string[] = [];
    const result = await runPreflight(
      { tokens: [spec('short', 'SHORT_TOKEN')], timeoutMs: 1_000, concurrency: 1, context: { surface: 'action' } },
      { env: { SHORT_TOKEN: value }, mask: (v) => masked.push(v), dispatcher: mock() },
    );
    expect(masked, 'a short value is never registered with the log masker').toEqual([]);
    expect(result.verdict).toBe('fail');
    expect(result.tokens[0]).toMatchObject({ name: 'short', provider: 'github', status: 'fail', problems: [{ code: 'invalid', message: expect.stringContaining('too short to be a real credential') }] });
    expect(result.tokens[0]!.host).toBeUndefined();
    expect(JSON.parse(jsonReportText(result))).toMatchObject({ result: 'fail', tokens: [{ status: 'fail' }] });
    expect(renderText(result)).toContain('FAIL');
    expect(renderSummary(result)).toContain('token-preflight: fail');
    expect(toAnnotations(result)[0]).toMatchObject({ level: 'error' });
    expect(toOutputs(result, '/tmp/r.json')).toMatchObject({ result: 'fail', 'failed-tokens': 'short' });
  });

  it('an 8-character value that is also a word of the report is sent and masked, and the report stays whole', async () => {
    mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).reply(401, BAD_CREDENTIALS);
    const masked: string[] = [];
    const result = await runPreflight(
      { tokens: [spec('problems', 'WORD_TOKEN')], timeoutMs: 1_000, concurrency: 1, context: { surface: 'action' } },
      { env: { WORD_TOKEN: 'problems' }, mask: (v) => masked.push(v), dispatcher: mock() },
    );
    expect(masked).toEqual(['problems']);
    const report = JSON.parse(jsonReportText(result)) as { result: string; tokens: Array<{ name: string; problems: Array<{ code: string }> }> };
    expect(report.result).toBe('fail');
    expect(report.tokens[0]).toMatchObject({ name: 'problems', problems: [{ code: 'invalid' }] });
  });

  it('a provider answer quoting part of a token is redacted, the result structure is not', async () => {
    const token = 'ghp_SENTINELfailfailfailfailfail00000';
    mock().get('https://api.github.com').intercept({ path: '/user', method: 'GET' }).reply(401, { ...BAD_CREDENTIALS, message: `Bad credentials for ${token.slice(0, 18)}` });
    const result = await runPreflight(
      { tokens: [spec('fail', 'FAIL_TOKEN')], timeoutMs: 1_000, concurrency: 1, context: { surface: 'action' } },
      { env: { FAIL_TOKEN: token }, mask: () => {}, dispatcher: mock() },
    );
    expect(result.tokens[0]).toMatchObject({ name: 'fail', status: 'fail', problems: [{ code: 'invalid' }] });
    expect(JSON.stringify(result)).not.toContain(token.slice(0, 12));
  });
});

describe('Redactor: a replacement never forms another secret', () => {
  it('keeps redacting until no window of any secret is left', () => {
    const r = new Redactor();
    r.add('a***bcdefg');
    r.add('QWERTYUI');
    // One pass turns QWERTYUI into *** and so forms a***bcdefg out of its neighbours.
    const out = r.redact('xaQWERTYUIbcdefgx');
    expect(out).not.toContain('a***bcdefg');
    expect(out).toBe('x***x');
  });
});

describe('redactResult: the leak scan’s free text too', () => {
  it('scrubs what a provider or git said of a finding and of the scan, never the structure', () => {
    const secret = 'ghp_Zq8Yw3Vx6Ut1Sr4Qp7On0Ml3Kj6Ih9Gabcd';
    const redactor = new Redactor();
    redactor.add(secret);
    const said = `the provider echoed ${secret}`;
    const result: RunResult = {
      verdict: 'fail',
      problems: [],
      tokens: [],
      findings: [{ rule: 'github-pat', provider: 'github', file: 'a.ts', line: 1, column: 1, fingerprint: 'github-pat:a.ts:000000000000', verification: 'inactive', verificationReason: said, identity: said, scopes: [said], revocation: { status: 'failed', message: said }, severity: 'warning', redacted: 'ghp_…' }],
      scan: { mode: 'diff', source: said, reason: said, files: 1, addedLines: 1, suppressed: 0, excluded: 0, notScanned: [{ file: 'b.ts', reason: said, incomplete: true }] },
      startedAt: '2026-11-30T00:00:00.000Z',
      durationMs: 1,
    };
    const scrubbed = redactResult(result, redactor);
    expect(JSON.stringify(scrubbed)).not.toContain(secret.slice(4, 12));
    expect(scrubbed.findings[0]).toMatchObject({ rule: 'github-pat', file: 'a.ts', fingerprint: 'github-pat:a.ts:000000000000', verificationReason: expect.stringContaining('the provider echoed ***') });
    expect(scrubbed.scan?.notScanned[0]).toMatchObject({ file: 'b.ts', incomplete: true, reason: expect.stringContaining('***') });
  });
});
