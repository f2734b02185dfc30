import { describe, expect, it } from 'vitest';
import { nothingChecked } from '../../src/check/nothing-checked.js';

const base = { path: '.github/token-preflight.yml', found: false, nearMisses: [], alternative: 'the `tokens` input' };

describe('nothingChecked', () => {
  it('is a warning, so fail-on: warning can gate on it', () => {
    expect(nothingChecked(base)).toMatchObject({ code: 'nothing-checked', severity: 'warning' });
  });

  it.each([
    [{ workspaceEmpty: true }, /workspace is empty.*actions\/checkout/],
    [{ nearMisses: ['.github/token-preflight.yaml'] }, /there is no \.github\/token-preflight\.yml, but there is \.github\/token-preflight\.yaml: rename it.*config: \.github\/token-preflight\.yaml/],
    [{ found: true }, /\.github\/token-preflight\.yml lists no tokens/],
    [{}, /there is no \.github\/token-preflight\.yml: create it, or list tokens in the `tokens` input/],
  ])('names what was looked for and the likely cause: %j', (search, message) => {
    expect(nothingChecked({ ...base, ...search }).message).toMatch(message);
  });
});
