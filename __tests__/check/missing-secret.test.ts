import { describe, expect, it } from 'vitest';
import { explainMissingSecret, type RunContext } from '../../src/check/missing-secret.js';

const action: RunContext = { surface: 'action' };
const cli: RunContext = { surface: 'cli' };
const fork: RunContext = { surface: 'action', forkPullRequest: { headRepository: 'mallory/widgets' } };
const dependabot: RunContext = { surface: 'action', dependabot: true };

describe('explainMissingSecret', () => {
  it.each([
    { what: 'fork PR, required token', context: fork, optional: false, skip: true },
    { what: 'fork PR, optional token', context: fork, optional: true, skip: true },
    { what: 'Dependabot run, required token', context: dependabot, optional: false, skip: true },
    { what: 'optional token in a normal run', context: action, optional: true, skip: true },
    { what: 'optional token in the CLI', context: cli, optional: true, skip: true },
    { what: 'required token in a normal run', context: action, optional: false, skip: false },
    { what: 'required token in the CLI', context: cli, optional: false, skip: false },
  ])('$what → skip: $skip', ({ context, optional, skip }) => {
    const result = explainMissingSecret('RELEASE_TOKEN', optional, context);
    expect(result.skip).toBe(skip);
    expect(result.message).toContain('RELEASE_TOKEN');
  });

  it('on a fork PR names the fork and says GitHub passes no secrets to forks', () => {
    const { message } = explainMissingSecret('RELEASE_TOKEN', false, fork);
    expect(message).toContain('mallory/widgets');
    expect(message).toMatch(/fork/);
    expect(message).toMatch(/secrets/);
  });

  it('on a Dependabot run points to the Dependabot secrets', () => {
    const { message } = explainMissingSecret('NPM_TOKEN', false, dependabot);
    expect(message).toContain('Dependabot');
    expect(message).toContain('NPM_TOKEN');
  });

  it('a fork PR takes precedence over Dependabot', () => {
    const { message } = explainMissingSecret('X', false, { ...fork, dependabot: true });
    expect(message).toContain('mallory/widgets');
  });

  it('in the CLI says to export the variable, without workflow syntax', () => {
    const { message } = explainMissingSecret('RELEASE_TOKEN', false, cli);
    expect(message).toContain('export');
    expect(message).not.toContain('secrets.');
    expect(message).not.toContain('env:');
  });

  it('in the action shows the exact env: line with secrets.NAME and mentions forks and optional', () => {
    const { message } = explainMissingSecret('RELEASE_TOKEN', false, action);
    expect(message).toContain('env:');
    expect(message).toContain('${{ secrets.RELEASE_TOKEN }}');
    expect(message).toContain('`env: { RELEASE_TOKEN: ${{ secrets.RELEASE_TOKEN }} }`');
    expect(message).toMatch(/fork/i);
    expect(message).toContain('optional: true');
  });

  it('an optional token says it is optional', () => {
    expect(explainMissingSecret('X_TOKEN', true, action).message).toContain('optional');
  });
});
