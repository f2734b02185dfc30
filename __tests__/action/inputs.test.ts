import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, InputError, readInputs } from '../../src/action/inputs.js';

/** Like core.getInput: '' for an input that is not set. */
const inputs = (values: Record<string, string> = {}) => readInputs((name) => values[name] ?? '');

function inputError(values: Record<string, string>): InputError {
  try {
    inputs(values);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('readInputs', () => {
  it('applies the defaults of the contract (docs/contract.md) when nothing is set', () => {
    expect(inputs()).toEqual({
      config: '.github/token-preflight.yml',
      configExplicit: false,
      tokens: '',
      scan: 'auto',
      verifyLeaks: true,
      failOn: 'error',
      expiryWarningDays: 14,
      comment: 'auto',
      sarif: '',
      githubToken: '',
      concurrency: 8,
      timeoutSeconds: 10,
      checkRun: 'auto',
      issue: false,
      revokeLeaks: false,
    });
    expect(DEFAULT_CONFIG).toBe('.github/token-preflight.yml');
  });

  it('reads every input by its kebab-case name', () => {
    expect(inputs({
      config: 'ci/tp.yml',
      tokens: '- name: a',
      scan: 'full',
      'verify-leaks': 'false',
      'fail-on': 'warning',
      'expiry-warning-days': '30',
      comment: 'never',
      sarif: 'out.sarif',
      'github-token': 'gh-token-value',
      concurrency: '2',
      'timeout-seconds': '45',
      'check-run': 'never',
      issue: 'true',
      'revoke-leaks': 'true',
    })).toEqual({
      config: 'ci/tp.yml',
      configExplicit: true,
      tokens: '- name: a',
      scan: 'full',
      verifyLeaks: false,
      failOn: 'warning',
      expiryWarningDays: 30,
      comment: 'never',
      sarif: 'out.sarif',
      githubToken: 'gh-token-value',
      concurrency: 2,
      timeoutSeconds: 45,
      checkRun: 'never',
      issue: true,
      revokeLeaks: true,
    });
  });

  it('the default config path given explicitly is still optional', () => {
    expect(inputs({ config: '.github/token-preflight.yml' }).configExplicit).toBe(false);
  });

  it.each([
    { name: 'scan', values: ['auto', 'diff', 'full', 'off'], key: 'scan' },
    { name: 'fail-on', values: ['error', 'warning', 'never'], key: 'failOn' },
    { name: 'comment', values: ['auto', 'always', 'never'], key: 'comment' },
  ] as const)('$name accepts $values, in any case', ({ name, values, key }) => {
    for (const value of values) {
      expect(inputs({ [name]: value })[key]).toBe(value);
      expect(inputs({ [name]: value.toUpperCase() })[key]).toBe(value);
    }
  });

  it.each([
    { name: 'scan', value: 'everything', allowed: 'auto, diff, full, off' },
    { name: 'fail-on', value: 'warn', allowed: 'error, warning, never' },
    { name: 'comment', value: 'yes', allowed: 'auto, always, never' },
    { name: 'verify-leaks', value: 'yes', allowed: 'true, false' },
  ])('a bad $name ("$value") names the input, the value and the allowed values', ({ name, value, allowed }) => {
    const error = inputError({ [name]: value });
    expect(error.message).toContain(`"${name}"`);
    expect(error.message).toContain(`"${value}"`);
    expect(error.message).toContain(allowed);
  });

  it.each([
    { value: 'true', verifyLeaks: true },
    { value: 'TRUE', verifyLeaks: true },
    { value: 'false', verifyLeaks: false },
    { value: 'False', verifyLeaks: false },
  ])('verify-leaks "$value" → $verifyLeaks', ({ value, verifyLeaks }) => {
    expect(inputs({ 'verify-leaks': value }).verifyLeaks).toBe(verifyLeaks);
  });

  it.each([
    { name: 'expiry-warning-days', value: '0', key: 'expiryWarningDays', n: 0 },
    { name: 'concurrency', value: '1', key: 'concurrency', n: 1 },
    { name: 'timeout-seconds', value: '1', key: 'timeoutSeconds', n: 1 },
  ] as const)('$name accepts its minimum $value', ({ name, value, key, n }) => {
    expect(inputs({ [name]: value })[key]).toBe(n);
  });

  it.each([
    { name: 'expiry-warning-days', value: '-1', min: 0 },
    { name: 'expiry-warning-days', value: 'two weeks', min: 0 },
    { name: 'expiry-warning-days', value: '1.5', min: 0 },
    { name: 'concurrency', value: '0', min: 1 },
    { name: 'concurrency', value: 'many', min: 1 },
    { name: 'timeout-seconds', value: '0', min: 1 },
    { name: 'timeout-seconds', value: '2.5', min: 1 },
    { name: 'timeout-seconds', value: '10s', min: 1 },
  ])('$name "$value" is refused, naming the input and the minimum', ({ name, value, min }) => {
    const error = inputError({ [name]: value });
    expect(error.message).toContain(`"${name}"`);
    expect(error.message).toContain(`"${value}"`);
    expect(error.message).toContain(`from ${min} to`);
    expect(error.name).toBe('InputError');
  });
});
