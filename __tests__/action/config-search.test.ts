import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchConfig } from '../../src/action/config-search.js';

describe('searchConfig', () => {
  it('finds config files saved under a near-miss name', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-search-'));
    mkdirSync(path.join(dir, '.github'));
    for (const name of ['.github/token-preflight.yaml', '.github/token_preflight.yml', 'token-preflight.yml', '.github/dependabot.yml', 'README.md']) writeFileSync(path.join(dir, name), '');
    const search = await searchConfig(dir, '.github/token-preflight.yml', false, 'the `tokens` input');
    expect(search).toEqual({
      path: '.github/token-preflight.yml',
      found: false,
      nearMisses: ['.github/token-preflight.yaml', '.github/token_preflight.yml', 'token-preflight.yml'],
      workspaceEmpty: false,
      alternative: 'the `tokens` input',
    });
  });

  it('tells an empty workspace (no actions/checkout)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-search-'));
    expect(await searchConfig(dir, '.github/token-preflight.yml', false, 'x')).toMatchObject({ workspaceEmpty: true, nearMisses: [] });
    expect(await searchConfig(path.join(dir, 'missing'), '.github/token-preflight.yml', false, 'x')).toMatchObject({ workspaceEmpty: true });
  });
});
