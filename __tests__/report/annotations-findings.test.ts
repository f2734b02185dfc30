import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { ANNOTATIONS_PER_LEVEL, toAnnotations, type Annotation } from '../../src/report/annotations.js';
import type { Finding, RunResult } from '../../src/run/result.js';
import { finding, runResult, tokenResult as token } from '../helpers/run-result.js';

/** A secret value that must never reach an annotation. */
const SECRET = 'ghp_SENTINELsecretVALUE0123456789abcdefXYZ';

/** A finding as the scanner holds it, with the secret beside it: a reporter must not pick it up. */
const withSecret = (f: Finding): Finding => ({ ...f, secret: SECRET, match: SECRET } as Finding);

const run = (overrides: Partial<RunResult> = {}) => runResult({ verdict: 'fail', ...overrides });

const count = (annotations: Annotation[], level: Annotation['level']) => annotations.filter((a) => a.level === level).length;
const failing = token({ name: 'deployer', status: 'fail', problems: [problem('invalid', 'bad credentials')], source: { file: 'c.yml', line: 9 } });

describe('toAnnotations: findings', () => {
  it.each([
    { verification: 'live', level: 'error', state: 'LIVE' },
    { verification: 'unverified', level: 'error', state: 'unverified' },
    { verification: 'inactive', level: 'warning', state: 'inactive' },
  ] as const)('a $verification finding is an annotation of level $level on its exact file, line and column', ({ verification, level, state }) => {
    const annotations = toAnnotations(run({ findings: [withSecret(finding({ verification, file: 'deploy/prod.env', line: 7, column: 23 }))] }));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ level, title: `token-preflight: github-pat (${state})`, file: 'deploy/prod.env', line: 7, column: 23 });
    expect(annotations[0]!.message).toContain('github-pat:src/app.ts:3f9a0c1d2e4b');
    expect(annotations[0]!.message).toContain('.token-preflight-ignore');
    expect(JSON.stringify(annotations)).not.toContain(SECRET);
    // Nothing of the secret beyond its redacted preview.
    expect(JSON.stringify(annotations)).not.toContain(SECRET.slice(0, 'ghp_SE'.length + 1));
  });

  it('describes a provider finding by its redacted preview and a configured secret by its token name only', () => {
    const [provider, configured] = toAnnotations(run({ findings: [
      finding({ verification: 'live' }),
      finding({ rule: 'configured-secret', token: 'deploy-key', redacted: '…', verification: 'live', line: 13 }),
    ] }));
    expect(provider!.message).toContain('a github credential (ghp_SE…)');
    expect(configured!.title).toBe('token-preflight: configured-secret (LIVE)');
    expect(configured!.message).toContain('the value of configured token deploy-key');
  });

  it('a live finding tells its blast radius and says to revoke; an inactive one says its provider refuses it', () => {
    const [live, inactive] = toAnnotations(run({ findings: [
      finding({ verification: 'live', identity: 'octocat', scopes: ['repo', 'workflow'], verificationReason: 'accepted' }),
      finding({ verification: 'inactive', verificationReason: '401 from the provider' }),
    ] }));
    expect(live!.message).toContain('It belongs to octocat with scopes repo, workflow.');
    expect(live!.message).toContain('Revoke or rotate it');
    expect(live!.message).not.toContain('(accepted)');
    expect(inactive!.message).toContain('Its provider refuses it');
    expect(inactive!.message).toContain('(401 from the provider)');
  });

  it('an unverified finding gives its reason', () => {
    const [annotation] = toAnnotations(run({ findings: [finding({ verificationReason: 'verification off' })] }));
    expect(annotation!.message).toContain('(verification off)');
    expect(annotation!.message).not.toContain('It belongs to');
  });

  it('orders live leaks, then run and token errors, then unverified leaks; inactive leaks after token warnings', () => {
    const annotations = toAnnotations(run({
      problems: [problem('nothing-checked', 'nothing to check')],
      tokens: [
        token({ name: 'slowpoke', status: 'warn', problems: [problem('slow', 'slow')] }),
        failing,
      ],
      findings: [
        finding({ verification: 'inactive', line: 1 }),
        finding({ verification: 'unverified', line: 2 }),
        finding({ verification: 'live', line: 3 }),
      ],
    }));
    expect(annotations.map((a) => `${a.level} ${a.title}`)).toEqual([
      'error token-preflight: github-pat (LIVE)',
      'warning token-preflight: nothing-checked',
      'warning token-preflight: slowpoke (warn)',
      'error token-preflight: deployer (fail)',
      'error token-preflight: github-pat (unverified)',
      'warning token-preflight: github-pat (inactive)',
    ]);
  });

  it('with 15 unverified, 2 live and a failing token on a failing step, the live ones and the token are kept', () => {
    const annotations = toAnnotations(run({
      tokens: [failing],
      findings: [
        ...Array.from({ length: 15 }, (_, i) => finding({ verification: 'unverified', line: i + 1 })),
        finding({ verification: 'live', line: 100 }),
        finding({ verification: 'live', line: 101 }),
      ],
    }), { stepFails: true });
    const errors = annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL - 1);
    expect(errors.filter((a) => a.title.endsWith('(LIVE)')).map((a) => a.line)).toEqual([100, 101]);
    expect(errors.some((a) => a.title === 'token-preflight: deployer (fail)')).toBe(true);
    expect(errors.filter((a) => a.title.endsWith('(unverified)')).map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6]);
    const notice = annotations.at(-1)!;
    expect(notice).toMatchObject({ level: 'notice', title: 'token-preflight: more problems' });
    expect(notice.message).toMatch(/^9 more annotations not shown \(9 errors; GitHub shows 10 per level per step\)/);
  });

  it('without stepFails all 10 error places are used', () => {
    const annotations = toAnnotations(run({
      tokens: [failing],
      findings: Array.from({ length: 15 }, (_, i) => finding({ line: i + 1 })),
    }));
    expect(count(annotations, 'error')).toBe(ANNOTATIONS_PER_LEVEL);
    expect(annotations.at(-1)!.message).toMatch(/^6 more annotations not shown \(6 errors;/);
  });

  it.each([
    {
      name: 'errors and warnings',
      findings: [
        ...Array.from({ length: 12 }, (_, i) => finding({ verification: 'live', line: i + 1 })),
        ...Array.from({ length: 13 }, (_, i) => finding({ verification: 'inactive', line: 100 + i })),
      ],
      stepFails: false,
      message: /^5 more annotations not shown \(2 errors, 3 warnings;/,
    },
    {
      name: 'one warning',
      findings: Array.from({ length: 11 }, (_, i) => finding({ verification: 'inactive', line: i + 1 })),
      stepFails: true,
      message: /^1 more annotation not shown \(1 warning;/,
    },
    {
      name: 'one error on a failing step',
      findings: Array.from({ length: 10 }, (_, i) => finding({ verification: 'unverified', line: i + 1 })),
      stepFails: true,
      message: /^1 more annotation not shown \(1 error;/,
    },
  ])('the notice counts what was dropped, by level: $name', ({ findings, stepFails, message }) => {
    const annotations = toAnnotations(run({ findings }), { stepFails });
    expect(count(annotations, 'notice')).toBe(1);
    expect(annotations.at(-1)!.message).toMatch(message);
    expect(count(annotations, 'error')).toBeLessThanOrEqual(ANNOTATIONS_PER_LEVEL - (stepFails ? 1 : 0));
    expect(count(annotations, 'warning')).toBeLessThanOrEqual(ANNOTATIONS_PER_LEVEL);
  });

  it('inactive findings are the warnings dropped first, after the tokens\' warnings', () => {
    const annotations = toAnnotations(run({
      tokens: Array.from({ length: 3 }, (_, i) => token({ name: `warn-${i}`, status: 'warn', problems: [problem('slow', 'slow')] })),
      findings: Array.from({ length: 10 }, (_, i) => finding({ verification: 'inactive', line: i + 1 })),
    }));
    const warnings = annotations.filter((a) => a.level === 'warning');
    expect(warnings.slice(0, 3).map((a) => a.title)).toEqual(['token-preflight: warn-0 (warn)', 'token-preflight: warn-1 (warn)', 'token-preflight: warn-2 (warn)']);
    expect(warnings.slice(3).map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(annotations.at(-1)!.message).toMatch(/^3 more annotations not shown \(3 warnings;/);
  });
});
