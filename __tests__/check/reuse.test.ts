import { describe, expect, it } from 'vitest';
import { findReuse, type SecretUse } from '../../src/check/reuse.js';

const use = (name: string, environment: string | undefined, hash: string | undefined): SecretUse => ({ name, environment, hash });

describe('findReuse', () => {
  it('flags every token of a value shared by two environments, as an error naming the other token', () => {
    const problems = findReuse([use('deploy-prod', 'production', 'h1'), use('deploy-staging', 'staging', 'h1')]);
    expect([...problems.keys()].sort()).toEqual(['deploy-prod', 'deploy-staging']);
    const prod = problems.get('deploy-prod')!;
    expect(prod).toMatchObject({ code: 'reused-across-environments', severity: 'error' });
    expect(prod.message).toContain('"deploy-staging" (staging)');
    expect(prod.message).not.toContain('"deploy-prod"');
    expect(problems.get('deploy-staging')!.message).toContain('"deploy-prod" (production)');
  });

  it.each([
    { what: 'different values in different environments', uses: [use('a', 'production', 'h1'), use('b', 'staging', 'h2')] },
    { what: 'one value used twice in the same environment', uses: [use('a', 'production', 'h1'), use('b', 'production', 'h1')] },
    { what: 'a shared value where one token has no environment', uses: [use('a', 'production', 'h1'), use('b', undefined, 'h1')] },
    { what: 'tokens whose secrets are missing (no hash)', uses: [use('a', 'production', undefined), use('b', 'staging', undefined)] },
    { what: 'a single token', uses: [use('a', 'production', 'h1')] },
    { what: 'no tokens', uses: [] },
  ])('$what → no problem', ({ uses }) => {
    expect(findReuse(uses).size).toBe(0);
  });

  it('in a group spanning environments, every member gets the problem, listing all the others', () => {
    const problems = findReuse([
      use('prod-a', 'production', 'h1'),
      use('prod-b', 'production', 'h1'),
      use('staging', 'staging', 'h1'),
      use('unrelated', 'staging', 'h2'),
    ]);
    expect([...problems.keys()].sort()).toEqual(['prod-a', 'prod-b', 'staging']);
    const message = problems.get('staging')!.message;
    expect(message).toContain('"prod-a" (production)');
    expect(message).toContain('"prod-b" (production)');
  });

  it('keeps separate groups apart', () => {
    const problems = findReuse([
      use('a1', 'production', 'h1'),
      use('a2', 'staging', 'h1'),
      use('b1', 'production', 'h2'),
      use('b2', 'dev', 'h2'),
    ]);
    expect(problems.get('a1')!.message).toContain('"a2"');
    expect(problems.get('a1')!.message).not.toContain('"b');
    expect(problems.get('b2')!.message).toContain('"b1" (production)');
    expect(problems.get('b2')!.message).not.toContain('"a');
  });

  it('treats environment names case-insensitively, as GitHub does', () => {
    expect(findReuse([use('a', 'Production', 'h1'), use('b', 'production', 'h1')]).size).toBe(0);
    expect(findReuse([use('a', 'Production', 'h1'), use('b', 'staging', 'h1')]).size).toBe(2);
  });
});
