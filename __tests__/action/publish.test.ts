import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@actions/core')>()),
  error: vi.fn(),
  warning: vi.fn(),
  setFailed: vi.fn(),
}));

const core = await import('@actions/core');
const { publishConfigError } = await import('../../src/action/publish.js');
const { ConfigError } = await import('../../src/config/load.js');


beforeEach(() => vi.clearAllMocks());

describe('publishConfigError', () => {
  it('annotates every issue on its file and line, then fails the step once', () => {
    publishConfigError(
      new ConfigError([
        { where: 'cfg.yml:3:5', file: 'cfg.yml', line: 3, key: 'tokens[0].requre-scopes', message: 'unknown key' },
        { where: 'input tokens:1:1', line: 1, key: '', message: 'not valid YAML' },
      ]),
    );
    expect(core.error).toHaveBeenCalledWith('tokens[0].requre-scopes: unknown key', { title: 'token-preflight: configuration error', file: 'cfg.yml', startLine: 3 });
    expect(core.error).toHaveBeenCalledWith('not valid YAML', { title: 'token-preflight: configuration error', file: undefined, startLine: 1 });
    expect(core.setFailed).toHaveBeenCalledTimes(1);
    expect(core.setFailed).toHaveBeenCalledWith('token-preflight: the configuration has 2 errors (listed above); nothing was checked.');
  });
});

