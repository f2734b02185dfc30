import { describe, expect, it } from 'vitest';
import { problem } from '../../src/check/problems.js';
import { ANNOTATIONS_PER_LEVEL, toAnnotations, type Annotation } from '../../src/report/annotations.js';
import type { TokenResult } from '../../src/run/result.js';
import { runResult, tokenResult as token } from '../helpers/run-result.js';

const run = (tokens: TokenResult[]) => runResult({ tokens });

const failing = (i: number) => token({ name: `fail-${i}`, status: 'fail', problems: [problem('invalid', `bad ${i}`)], source: { file: 'c.yml', line: i + 1 } });
const warning = (i: number) => token({ name: `warn-${i}`, status: 'warn', problems: [problem('slow', `slow ${i}`)], source: { file: 'c.yml', line: 100 + i } });
const count = (annotations: Annotation[], level: Annotation['level']) => annotations.filter((a) => a.level === level).length;

describe('toAnnotations', () => {
  it('puts one annotation per token with problems on the config line that declares it', () => {
    const annotations = toAnnotations(run([
      token({ name: 'ok-one' }),
      token({
        name: 'release-bot',
        status: 'fail',
        source: { file: '.github/token-preflight.yml', line: 12 },
        problems: [problem('insufficient-scope', 'lacks required scope "repo"'), problem('expiring-soon', 'expires on 2026-03-05')],
      }),
    ]));
    expect(annotations).toEqual([{
      level: 'error',
      title: 'token-preflight: release-bot (fail)',
      message: 'insufficient-scope: lacks required scope "repo"\nexpiring-soon: expires on 2026-03-05',
      file: '.github/token-preflight.yml',
      line: 12,
    }]);
  });

  it.each([
    { status: 'fail', problems: [problem('invalid', 'x')], level: 'error' },
    { status: 'fail', problems: [problem('slow', 'x'), problem('expired', 'y')], level: 'error' },
    { status: 'warn', problems: [problem('expiring-soon', 'x')], level: 'warning' },
  ] as const)('a $status token is annotated as $level', ({ status, problems, level }) => {
    const [annotation] = toAnnotations(run([token({ status, problems: [...problems] })]));
    expect(annotation!.level).toBe(level);
  });

  it('a token from the inline input has a line but no file', () => {
    const [annotation] = toAnnotations(run([token({ status: 'fail', problems: [problem('invalid', 'x')], source: { line: 4 } })]));
    expect(annotation!.file).toBeUndefined();
    expect(annotation!.line).toBe(4);
  });

  it('healthy tokens produce no annotations', () => {
    expect(toAnnotations(run([token(), token({ name: 'b' })]))).toEqual([]);
  });

  it('all skipped tokens share one notice listing each with its reason', () => {
    const annotations = toAnnotations(run([
      token({ name: 'a', status: 'skipped', skipReason: 'A is empty because this pull request comes from the fork m/w' }),
      token({ name: 'b', status: 'skipped', skipReason: 'B is not set and the token is optional' }),
      token({ name: 'c' }),
    ]));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ level: 'notice', title: 'token-preflight: 2 tokens skipped' });
    expect(annotations[0]!.message).toBe('a: A is empty because this pull request comes from the fork m/w\nb: B is not set and the token is optional');
  });

  it('one skipped token: singular title', () => {
    const [annotation] = toAnnotations(run([token({ status: 'skipped', skipReason: 'x' })]));
    expect(annotation!.title).toBe('token-preflight: 1 token skipped');
  });

  it(`keeps at most ${ANNOTATIONS_PER_LEVEL} errors and adds a notice counting the dropped ones`, () => {
    const annotations = toAnnotations(run(Array.from({ length: 15 }, (_, i) => failing(i))));
    expect(count(annotations, 'error')).toBe(10);
    expect(annotations.filter((a) => a.level === 'error').map((a) => a.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `token-preflight: fail-${i} (fail)`),
    );
    const overflow = annotations.filter((a) => a.level === 'notice');
    expect(overflow).toHaveLength(1);
    expect(overflow[0]!.message).toMatch(/^5 more annotations not shown/);
    expect(overflow[0]!.message).toMatch(/job summary|JSON report/);
  });

  it('caps errors and warnings separately and counts both in the overflow notice', () => {
    const annotations = toAnnotations(run([
      ...Array.from({ length: 12 }, (_, i) => warning(i)),
      ...Array.from({ length: 13 }, (_, i) => failing(i)),
    ]));
    expect(count(annotations, 'error')).toBe(10);
    expect(count(annotations, 'warning')).toBe(10);
    expect(count(annotations, 'notice')).toBe(1);
    expect(annotations.at(-1)!.message).toMatch(/^5 more annotations not shown/);
  });

  it('exactly 10 per level is not an overflow', () => {
    const annotations = toAnnotations(run([...Array.from({ length: 10 }, (_, i) => failing(i)), ...Array.from({ length: 10 }, (_, i) => warning(i))]));
    expect(annotations).toHaveLength(20);
    expect(count(annotations, 'notice')).toBe(0);
  });

  it('one dropped annotation is counted in the singular', () => {
    const annotations = toAnnotations(run(Array.from({ length: 11 }, (_, i) => failing(i))));
    expect(annotations.at(-1)!.message).toMatch(/^1 more annotation not shown/);
  });

  it('the skipped notice and the overflow notice fit together within the notice cap', () => {
    const annotations = toAnnotations(run([
      ...Array.from({ length: 11 }, (_, i) => failing(i)),
      token({ name: 's', status: 'skipped', skipReason: 'optional' }),
    ]));
    expect(count(annotations, 'notice')).toBe(2);
    expect(count(annotations, 'notice')).toBeLessThanOrEqual(ANNOTATIONS_PER_LEVEL);
    expect(annotations.some((a) => a.title === 'token-preflight: 1 token skipped')).toBe(true);
    expect(annotations.at(-1)!.message).toMatch(/^1 more annotation not shown/);
  });
});
