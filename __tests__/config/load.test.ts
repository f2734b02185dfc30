import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type ConfigIssue, type LoadRequest } from '../../src/config/load.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tp-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const FAKE_PAT = `ghp_${'aB3x'.repeat(9)}`; // the shape of a classic PAT, not a real one

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return name;
}

function load(request: Partial<LoadRequest> = {}) {
  return loadConfig({ path: 'token-preflight.yml', pathExplicit: true, cwd: dir, expiryWarningDays: 14, ...request });
}

async function configError(request: Partial<LoadRequest>): Promise<ConfigError> {
  const error = await load(request).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

/** Writes the config and returns its issues (the load must fail). */
async function issuesOf(text: string, request: Partial<LoadRequest> = {}): Promise<ConfigIssue[]> {
  write('token-preflight.yml', text);
  return (await configError(request)).issues;
}

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('loadConfig: valid configs', () => {
  it('maps a full config to token specs, with defaults applied and the source line of each entry', async () => {
    write('.github/token-preflight.yml', yaml(
      'version: 1',
      'defaults:',
      '  expiry-warning-days: 30',
      '  max-latency-ms: 2000',
      'tokens:',
      '  - name: release-bot            # unique, required',
      '    provider: github',
      '    secret: RELEASE_BOT_TOKEN',
      '    environment: production',
      '    require-scopes: [repo]',
      '    allow-scopes: [repo, read:org]',
      '    expect-identity: acme-release-bot',
      '    previous-secret: OLD_RELEASE_BOT_TOKEN',
      '    expiry-warning-days: 7',
      '    max-latency-ms: 500',
      '  - name: ghes',
      '    provider: github',
      '    secret: GHES_TOKEN',
      '    optional: true',
      '    base-url: https://ghe.example.com/api/v3',
    ));
    const loaded = await load({ path: '.github/token-preflight.yml', pathExplicit: false });
    expect(loaded.file).toBe('.github/token-preflight.yml');
    expect(loaded.tokens).toEqual([
      {
        name: 'release-bot',
        provider: 'github',
        secret: { token: 'RELEASE_BOT_TOKEN' },
        environment: 'production',
        requireScopes: ['repo'],
        allowScopes: ['repo', 'read:org'],
        expectIdentity: 'acme-release-bot',
        expectMode: undefined,
        previousSecret: { token: 'OLD_RELEASE_BOT_TOKEN' },
        optional: false,
        baseUrl: undefined,
        expiryWarningDays: 7,
        maxLatencyMs: 500,
        rejectInvalid: false,
        settings: {},
        source: { file: '.github/token-preflight.yml', line: 6 },
      },
      {
        name: 'ghes',
        provider: 'github',
        secret: { token: 'GHES_TOKEN' },
        environment: undefined,
        requireScopes: undefined,
        allowScopes: undefined,
        expectIdentity: undefined,
        expectMode: undefined,
        previousSecret: undefined,
        optional: true,
        baseUrl: 'https://ghe.example.com/api/v3',
        expiryWarningDays: 30,
        maxLatencyMs: 2000,
        rejectInvalid: false,
        settings: {},
        source: { file: '.github/token-preflight.yml', line: 16 },
      },
    ]);
  });

  it.each([
    { what: 'the token sets it', token: 'expiry-warning-days: 3', defaults: 'expiry-warning-days: 30', days: 3 },
    { what: 'the token sets 0', token: 'expiry-warning-days: 0', defaults: 'expiry-warning-days: 30', days: 0 },
    { what: 'only the file defaults set it', token: '', defaults: 'expiry-warning-days: 30', days: 30 },
    { what: 'the file defaults set 0', token: '', defaults: 'expiry-warning-days: 0', days: 0 },
    { what: 'neither sets it', token: '', defaults: '', days: 21 },
  ])('expiry-warning-days when $what → $days', async ({ token, defaults, days }) => {
    write('token-preflight.yml', yaml(
      ...(defaults ? ['defaults:', `  ${defaults}`] : []),
      'tokens:',
      '  - name: a',
      '    provider: github',
      '    secret: A',
      ...(token ? [`    ${token}`] : []),
    ));
    const { tokens } = await load({ expiryWarningDays: 21 });
    expect(tokens[0]!.expiryWarningDays).toBe(days);
  });

  it.each([
    { what: 'only the file defaults set it', token: '', defaults: 'max-lifetime-days: 90', days: 90 },
    { what: 'the token overrides the defaults', token: 'max-lifetime-days: 30', defaults: 'max-lifetime-days: 90', days: 30 },
    { what: 'only the token sets it', token: 'max-lifetime-days: 365', defaults: '', days: 365 },
    { what: 'neither sets it (no policy)', token: '', defaults: '', days: undefined },
  ])('max-lifetime-days when $what → $days', async ({ token, defaults, days }) => {
    write('token-preflight.yml', yaml(
      ...(defaults ? ['defaults:', `  ${defaults}`] : []),
      'tokens:',
      '  - name: a',
      '    provider: github',
      '    secret: A',
      ...(token ? [`    ${token}`] : []),
      '  - name: b',
      '    provider: github',
      '    secret: B',
    ));
    const { tokens } = await load();
    expect(tokens[0]!.maxLifetimeDays).toBe(days);
    expect(tokens[1]!.maxLifetimeDays).toBe(defaults ? 90 : undefined);
  });

  it('a missing default config file means no tokens, not an error', async () => {
    await expect(load({ path: '.github/token-preflight.yml', pathExplicit: false })).resolves.toEqual({ tokens: [], allowedHosts: [], scan: { exclude: [], disableRules: [] }, mint: [], file: undefined });
  });

  it.each([
    { what: 'empty', text: '' },
    { what: 'only comments', text: '# tokens come later\n' },
    { what: 'an empty token list', text: 'version: 1\ntokens: []\n' },
  ])('an $what file gives no tokens', async ({ text }) => {
    write('token-preflight.yml', text);
    await expect(load()).resolves.toEqual({ tokens: [], allowedHosts: [], scan: { exclude: [], disableRules: [] }, mint: [], file: 'token-preflight.yml' });
  });

  it('an absolute path is shown relative to cwd', async () => {
    write('conf/tp.yml', yaml('tokens:', '  - name: a', '    provider: github', '    secret: A'));
    const { file, tokens } = await load({ path: path.join(dir, 'conf/tp.yml') });
    expect(file).toBe('conf/tp.yml');
    expect(tokens[0]!.source).toEqual({ file: 'conf/tp.yml', line: 2 });
  });

  it('reads the inline tokens input, with a source line but no file', async () => {
    const { tokens, file } = await load({
      path: '.github/token-preflight.yml',
      pathExplicit: false,
      inlineTokens: yaml('- name: a', '  provider: github', '  secret: A', '- name: b', '  provider: github', '  secret: B', '  require-scopes: [repo]'),
    });
    expect(file).toBeUndefined();
    expect(tokens.map((t) => t.name)).toEqual(['a', 'b']);
    expect(tokens[1]).toMatchObject({ secret: { token: 'B' }, requireScopes: ['repo'], expiryWarningDays: 14, source: { file: undefined, line: 4 } });
  });

  it('takes tokens from the file and the inline input together, file first, file defaults applying to both', async () => {
    write('token-preflight.yml', yaml('defaults:', '  expiry-warning-days: 5', 'tokens:', '  - name: from-file', '    provider: github', '    secret: A'));
    const { tokens } = await load({ inlineTokens: yaml('- name: inline', '  provider: github', '  secret: B') });
    expect(tokens.map((t) => [t.name, t.source.file, t.expiryWarningDays])).toEqual([
      ['from-file', 'token-preflight.yml', 5],
      ['inline', undefined, 5],
    ]);
  });

  it('a blank inline input is ignored', async () => {
    await expect(load({ pathExplicit: false, inlineTokens: '  \n' })).resolves.toEqual({ tokens: [], allowedHosts: [], scan: { exclude: [], disableRules: [] }, mint: [], file: undefined });
  });
});

describe('loadConfig: errors say what and where', () => {
  it('a missing explicit config file is an error naming the file', async () => {
    const error = await configError({ path: 'ci/preflight.yml', pathExplicit: true });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'ci/preflight.yml', where: 'ci/preflight.yml' });
    expect(error.message).toContain('ci/preflight.yml');
    expect(error.message).toMatch(/no such file/);
  });

  it('a YAML syntax error gives file:line:col and no code frame', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', '   bad: [', ''));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.where).toMatch(/^token-preflight\.yml:\d+:\d+$/);
    expect(issues[0]!.line).toBeGreaterThanOrEqual(5);
    expect(issues[0]!.message).toMatch(/^not valid YAML: /);
    expect(issues[0]!.message).not.toContain('\n');
  });

  it('a tab used for indentation is a YAML error on its line', async () => {
    const issues = await issuesOf('tokens:\n\t- name: a\n');
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:2:1', line: 2 });
    expect(issues[0]!.message).toMatch(/tab/i);
  });

  it('a key given twice in one entry is a YAML error at the repeated key', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', '    secret: B'));
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:5:5', line: 5 });
    expect(issues[0]!.message).toMatch(/unique/);
  });

  it('an unknown key gives file:line:col, the key path, a did-you-mean and the allowed keys', async () => {
    const issues = await issuesOf(yaml(
      'tokens:',
      '  - name: a',
      '    provider: github',
      '    secret: A',
      '  - name: b',
      '    provider: github',
      '    secret: B',
      '    requre-scopes: [repo]',
    ));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:8:5', file: 'token-preflight.yml', line: 8, key: 'tokens[1].requre-scopes' });
    expect(issues[0]!.message).toContain('did you mean "require-scopes"');
    for (const key of ['name', 'provider', 'secret', 'environment', 'require-scopes', 'allow-scopes', 'expect-identity', 'optional', 'base-url']) {
      expect(issues[0]!.message).toContain(key);
    }
  });

  it('an unknown top-level key lists the allowed top-level keys', async () => {
    const issues = await issuesOf(yaml('version: 1', 'token:', '  - name: a'));
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:2:1', key: 'token' });
    expect(issues[0]!.message).toContain('did you mean "tokens"');
    expect(issues[0]!.message).toContain('version, defaults, tokens');
  });

  it('a misspelt provider lists the known providers and suggests the nearest', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: githb', '    secret: A'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:3:15', line: 3, key: 'tokens[0].provider' });
    expect(issues[0]!.message).toContain('unknown provider "githb"');
    expect(issues[0]!.message).toContain('did you mean "github"');
    expect(issues[0]!.message).toMatch(/known providers: .*github/);
  });

  it('a provider nothing like a known one gets no suggestion', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: salesforce', '    secret: A'));
    expect(issues[0]!.message).not.toContain('did you mean');
    expect(issues[0]!.message).toContain('known providers:');
  });

  it.each([
    { missing: 'name', lines: ['    provider: github', '    secret: A'] },
    { missing: 'provider', lines: ['    name: a', '    secret: A'] },
    { missing: 'secret', lines: ['    name: a', '    provider: github'] },
  ])('a missing required key "$missing" is named, at the entry', async ({ missing, lines }) => {
    const issues = await issuesOf(yaml('tokens:', '  - environment: prod', ...lines));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:2:5', key: 'tokens[0]' });
    expect(issues[0]!.message).toBe(`missing required key "${missing}"`);
  });

  it('a duplicate name points to the first declaration', async () => {
    const issues = await issuesOf(yaml(
      'tokens:',
      '  - name: release-bot',
      '    provider: github',
      '    secret: A',
      '  - name: release-bot',
      '    provider: github',
      '    secret: B',
    ));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:5:11', key: 'tokens[1].name' });
    expect(issues[0]!.message).toContain('duplicate token name "release-bot"');
    expect(issues[0]!.message).toContain('first declared at token-preflight.yml:2:11');
  });

  it('a duplicate name across the file and the inline input points to the file', async () => {
    write('token-preflight.yml', yaml('tokens:', '  - name: a', '    provider: github', '    secret: A'));
    const error = await configError({ inlineTokens: yaml('- name: a', '  provider: github', '  secret: B') });
    expect(error.issues[0]!.where).toBe('input tokens:1:9');
    expect(error.issues[0]!.message).toContain('first declared at token-preflight.yml:2:11');
  });

  it.each([
    { what: 'a classic PAT', value: FAKE_PAT },
    { what: 'a fine-grained PAT', value: `github_pat_11${'ABCDEFGH12'.repeat(4)}` },
    { what: 'a random-looking string', value: 'aB3dEfGhIjKlMnOpQrStUvWxYz012345' },
  ])('$what written as secret: is an error that does not repeat the value', async ({ value }) => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', `    secret: ${value}`));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:4:13', key: 'tokens[0].secret' });
    expect(issues[0]!.message).toMatch(/looks like a token value/);
    expect(issues[0]!.message).toMatch(/revoke/);
    const error = await configError({});
    expect(error.message).not.toContain(value);
    expect(JSON.stringify(error.issues)).not.toContain(value);
  });

  it('a token written as previous-secret: is caught the same way', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', `    previous-secret: ${FAKE_PAT}`));
    expect(issues[0]).toMatchObject({ key: 'tokens[0].previous-secret' });
    expect(JSON.stringify(issues)).not.toContain(FAKE_PAT);
  });

  it('a token with characters no variable name has is refused without repeating it', async () => {
    const value = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp';
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', `    secret: ${value}`));
    expect(issues[0]).toMatchObject({ key: 'tokens[0].secret' });
    expect(issues[0]!.message).toContain('not the token itself');
    expect(JSON.stringify(issues)).not.toContain(value);
  });

  it('an ordinary long variable name is not mistaken for a token', async () => {
    write('token-preflight.yml', yaml('tokens:', '  - name: a', '    provider: github', '    secret: PRODUCTION_RELEASE_BOT_TOKEN_FOR_GHES_2024'));
    await expect(load()).resolves.toMatchObject({ tokens: [{ secret: { token: 'PRODUCTION_RELEASE_BOT_TOKEN_FOR_GHES_2024' } }] });
  });

  it('an alias to no anchor is a config error in the file that does not quote the source', async () => {
    write('token-preflight.yml', yaml('tokens:', '  - name: a', '    provider: github', `    secret: *${FAKE_PAT}`));
    const error = await load().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0]!.where).toMatch(/^token-preflight\.yml/);
    expect((error as Error).message).not.toContain(FAKE_PAT);
  });

  it('a token pasted as provider: is not echoed', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', `    provider: ${FAKE_PAT}`, '    secret: A'));
    expect(issues[0]!.key).toBe('tokens[0].provider');
    expect(JSON.stringify(issues)).not.toContain(FAKE_PAT);
  });

  it.each([
    { what: 'plain http', url: 'http://ghe.example.com/api/v3', message: /https/ },
    { what: 'an IPv4 literal', url: 'https://10.0.0.1/api/v3', message: /IP address/ },
    { what: 'a shortened IPv4 literal', url: 'https://127.1/', message: /IP address/ },
    { what: 'a hex IPv4 literal', url: 'https://0x7f000001/', message: /IP address/ },
    { what: 'an IPv6 literal', url: 'https://[::1]/api', message: /IP address/ },
    { what: 'localhost', url: 'https://localhost:8443/api', message: /localhost/ },
    { what: 'LOCALHOST in capitals', url: 'https://LOCALHOST/api', message: /localhost/ },
    { what: 'a *.localhost name', url: 'https://api.localhost/', message: /localhost/ },
    { what: 'credentials', url: 'https://user:pass@ghe.example.com/api/v3', message: /credentials/ },
    { what: 'a query', url: 'https://ghe.example.com/api/v3?x=1', message: /query/ },
    { what: 'not a URL', url: 'ghe.example.com', message: /not a URL/ },
  ])('base-url with $what is refused', async ({ url, message }) => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', `    base-url: "${url}"`));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:5:15', key: 'tokens[0].base-url' });
    expect(issues[0]!.message).toMatch(message);
    if (url.includes('pass')) expect(JSON.stringify(issues)).not.toContain('pass@');
  });

  it('base-url with "localhost." (trailing dot) is refused too', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', '    base-url: https://localhost./api'));
    expect(issues[0]).toMatchObject({ key: 'tokens[0].base-url' });
  });

  it('a base-url on a named https host is accepted', async () => {
    write('token-preflight.yml', yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', '    base-url: https://ghe.example.com:8443/api/v3'));
    await expect(load()).resolves.toMatchObject({ tokens: [{ baseUrl: 'https://ghe.example.com:8443/api/v3' }] });
  });

  it('expect-mode on github is refused: GitHub cannot tell test from live', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', '    expect-mode: test'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:5:18', key: 'tokens[0].expect-mode' });
    expect(issues[0]!.message).toContain('github');
    expect(issues[0]!.message).toMatch(/mode/);
    expect(issues[0]!.message).toMatch(/remove it/);
  });

  it('an expect-mode the provider does not have lists its modes', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: twilio', '    secret: { account-sid: SID, auth-token: TOKEN }', '    expect-mode: prod'));
    expect(issues.find((i) => i.key === 'tokens[0].expect-mode')!.message).toBe('must be one of: test, live');
  });

  it('previous-secret naming the same variable as secret is refused', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: TOKEN', '    previous-secret: TOKEN'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:5:22', key: 'tokens[0].previous-secret' });
    expect(issues[0]!.message).toContain('same variable');
  });

  // Plain words with what to write, not Ajv's "must be boolean", "must be >= 0", "must be array",
  // "must NOT have fewer than 1 characters".
  it.each([
    { line: '    optional: "yes"', key: 'tokens[0].optional', message: 'must be true or false, not text: use `true` or `false`, without quotes (optional: true)' },
    { line: '    expiry-warning-days: -1', key: 'tokens[0].expiry-warning-days', message: 'must be 0 or more (e.g. expiry-warning-days: 14)' },
    { line: '    max-latency-ms: 0', key: 'tokens[0].max-latency-ms', message: 'must be 1 or more (e.g. max-latency-ms: 2000)' },
    {
      line: '    require-scopes: repo',
      key: 'tokens[0].require-scopes',
      message: 'must be a list, not text: write `require-scopes: [repo]`, or put each item on a line of its own that starts with "- "',
    },
    { line: '    environment: ""', key: 'tokens[0].environment', message: 'must not be empty: write a value (e.g. environment: production), or remove the key' },
  ])('$line → $key: $message, at line 5', async ({ line, key, message }) => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', line));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ key, line: 5 });
    expect(issues[0]!.message).toBe(message);
    expect(issues[0]!.where).toMatch(/^token-preflight\.yml:5:\d+$/);
  });

  it.each([
    { value: '-5', message: 'must be 1 or more (e.g. max-lifetime-days: 90)' },
    { value: '0', message: 'must be 1 or more (e.g. max-lifetime-days: 90)' },
    { value: '2.5', message: 'must be a whole number written in digits, without quotes, not a number with a fraction (e.g. max-lifetime-days: 90)' },
    { value: '"90"', message: 'must be a whole number written in digits, without quotes, not text (e.g. max-lifetime-days: 90)' },
  ])('max-lifetime-days: $value is refused at its line, in a token and in defaults', async ({ value, message }) => {
    const inToken = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', `    max-lifetime-days: ${value}`));
    expect(inToken).toHaveLength(1);
    expect(inToken[0]).toMatchObject({ key: 'tokens[0].max-lifetime-days', line: 5, message });
    const inDefaults = await issuesOf(yaml('defaults:', `  max-lifetime-days: ${value}`, 'tokens: []'));
    expect(inDefaults).toHaveLength(1);
    expect(inDefaults[0]).toMatchObject({ key: 'defaults.max-lifetime-days', line: 2, message });
  });

  it('a name that is not a plain identifier explains the allowed characters', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: "release bot"', '    provider: github', '    secret: A'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:2:11', key: 'tokens[0].name' });
    expect(issues[0]!.message).toMatch(/must start with a letter or digit/);
  });

  it('version: 2 is rejected at its line', async () => {
    const issues = await issuesOf(yaml('version: 2', 'tokens: []'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:1:10', key: 'version', message: 'must be one of: 1' });
  });

  it('a file that is a list, not a mapping, is refused', async () => {
    const issues = await issuesOf(yaml('- name: a', '  provider: github', '  secret: A'));
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:1:1' });
    expect(issues[0]!.message).toBe('the file must be a mapping of keys to values (version: 1, then tokens: with the token entries below it), not a list');
  });

  it('errors in the inline input are labelled "input tokens:line:col" with key tokens[i]', async () => {
    const error = await configError({
      pathExplicit: false,
      inlineTokens: yaml('- name: a', '  provider: github', '  secret: A', '- name: b', '  provider: githubb', '  secret: B'),
    });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ where: 'input tokens:5:13', line: 5, key: 'tokens[1].provider' });
    expect(error.issues[0]!.file).toBeUndefined();
    expect(error.message).toContain('input tokens:5:13: tokens[1].provider: unknown provider "githubb"');
  });

  it('semantic errors in the inline input are labelled the same way', async () => {
    const error = await configError({ pathExplicit: false, inlineTokens: yaml('- name: a', '  provider: github', '  secret: A', '  expect-mode: live') });
    expect(error.issues[0]).toMatchObject({ where: 'input tokens:4:16', key: 'tokens[0].expect-mode' });
  });

  it('an unknown key in the inline input is labelled "input tokens:line:col"', async () => {
    const error = await configError({ pathExplicit: false, inlineTokens: yaml('- name: a', '  provider: github', '  secret: A', '  allowscopes: [repo]') });
    expect(error.issues[0]).toMatchObject({ where: 'input tokens:4:3', key: 'tokens[0].allowscopes' });
    expect(error.issues[0]!.message).toContain('did you mean "allow-scopes"');
  });

  it('an inline input that is not a list is refused', async () => {
    const error = await configError({ pathExplicit: false, inlineTokens: yaml('name: a', 'provider: github', 'secret: A') });
    expect(error.issues[0]).toMatchObject({ where: 'input tokens:1:1', key: 'tokens' });
    expect(error.issues[0]!.message).toMatch(/^must be a list of token entries, not a mapping: start each entry with "- "/);
  });

  it('a YAML error in the inline input is labelled "input tokens"', async () => {
    const error = await configError({ pathExplicit: false, inlineTokens: '- name: a\n\t provider: github\n' });
    expect(error.issues[0]!.where).toMatch(/^input tokens:\d+:\d+$/);
    expect(error.issues[0]!.message).toMatch(/^not valid YAML/);
  });

  it('reports every issue of the file and the inline input at once, in one error', async () => {
    write('token-preflight.yml', yaml(
      'version: 2',
      'tokens:',
      '  - name: a',
      '    provider: githb',
      '    secret: A',
      '  - name: a',
      '    provider: github',
      '    secret: B',
      '    base-url: http://ghe.example.com',
      '  - name: c',
      '    provider: github',
      '    secret: C',
      '    previous-secret: C',
    ));
    const error = await configError({ inlineTokens: yaml('- name: d', '  provider: github', '  secret: D', '  expect-mode: test') });
    const where = error.issues.map((i) => `${i.where} ${i.key}`);
    expect(where).toEqual(expect.arrayContaining([
      'token-preflight.yml:1:10 version',
      'token-preflight.yml:4:15 tokens[0].provider',
      'token-preflight.yml:6:11 tokens[1].name',
      'token-preflight.yml:9:15 tokens[1].base-url',
      'token-preflight.yml:13:22 tokens[2].previous-secret',
      'input tokens:4:16 tokens[0].expect-mode',
    ]));
    expect(error.issues).toHaveLength(6);
    expect(error.message.split('\n')).toHaveLength(6);
  });

  it('reports an unknown key together with the other issues', async () => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: githb', '    secret: A', '    requre-scopes: [repo]', '    base-url: http://x.example'));
    expect(issues.map((i) => i.key).sort()).toEqual(['tokens[0].base-url', 'tokens[0].provider', 'tokens[0].requre-scopes']);
  });
});

describe('loadConfig: a token pasted into name', () => {
  it('is refused without being echoed, since names appear in every report', async () => {
    const issues = await issuesOf(yaml('tokens:', `  - name: ${FAKE_PAT}`, '    provider: github', '    secret: A'));
    expect(issues).toMatchObject([{ key: 'tokens[0].name', where: 'token-preflight.yml:2:11' }]);
    expect(issues[0]!.message).toContain('revoke it now');
    expect(JSON.stringify(issues)).not.toContain(FAKE_PAT);
  });

  it.each(['environment', 'expect-identity'])('is refused in %s too, without being echoed', async (key) => {
    const issues = await issuesOf(yaml('tokens:', '  - name: a', '    provider: github', '    secret: A', `    ${key}: ${FAKE_PAT}`));
    expect(issues).toMatchObject([{ key: `tokens[0].${key}` }]);
    expect(JSON.stringify(issues)).not.toContain(FAKE_PAT);
  });
});

describe('loadConfig: the scan block', () => {
  const RULE_IDS = ['github-pat', 'generic-password', 'generic-api-key', 'configured-secret'];

  it('reads exclude globs and disabled rules', async () => {
    write('token-preflight.yml', yaml('version: 1', 'scan:', '  exclude: ["fixtures/**", "**/*.snap"]', '  disable-rules: [generic-password]'));
    await expect(load({ knownRules: RULE_IDS })).resolves.toMatchObject({ scan: { exclude: ['fixtures/**', '**/*.snap'], disableRules: ['generic-password'] } });
  });

  it('an unknown rule id is an error at its line, naming the closest rule', async () => {
    const issues = await issuesOf(yaml('version: 1', 'scan:', '  disable-rules:', '    - generic-api-key', '    - generic-pasword'), { knownRules: RULE_IDS });
    expect(issues).toEqual([expect.objectContaining({ line: 5, key: 'scan.disable-rules[1]', message: 'no rule is called "generic-pasword"; did you mean "generic-password"? (`token-preflight rules` lists them)' })]);
  });

  it('an unknown key under scan is an error naming the allowed ones', async () => {
    const issues = await issuesOf(yaml('version: 1', 'scan:', '  excludes: ["a/**"]'));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 3 });
    expect(issues[0]!.message).toMatch(/exclude/);
  });

  it('a glob that is not a string is an error at its line', async () => {
    const issues = await issuesOf(yaml('version: 1', 'scan:', '  exclude: [1]'));
    expect(issues[0]).toMatchObject({ line: 3 });
  });
});

describe('loadConfig: mint entries', () => {
  it('reads a github-app and an oauth2 entry, with their source lines', async () => {
    write('token-preflight.yml', yaml(
      'version: 1',
      'mint:',
      '  - name: deploy-app',
      '    provider: github-app',
      '    app-id: DEPLOY_APP_ID',
      '    private-key: DEPLOY_APP_PRIVATE_KEY',
      '    repositories: [webapp]',
      '    permissions: { contents: read }',
      '    export: DEPLOY_TOKEN',
      '  - name: qa-api',
      '    provider: oauth2',
      '    token-url: https://auth.example.com/oauth/token',
      '    client-id: QA_CLIENT_ID',
      '    client-secret: QA_CLIENT_SECRET',
      '    scope: read:orders',
      '    revocation-url: https://auth.example.com/oauth/revoke',
      '    export: QA_API_TOKEN',
    ));
    const config = await load();
    expect(config.mint).toEqual([
      { provider: 'github-app', name: 'deploy-app', export: 'DEPLOY_TOKEN', source: { file: 'token-preflight.yml', line: 3 }, appIdVariable: 'DEPLOY_APP_ID', privateKeyVariable: 'DEPLOY_APP_PRIVATE_KEY', repositories: ['webapp'], permissions: { contents: 'read' } },
      { provider: 'oauth2', name: 'qa-api', export: 'QA_API_TOKEN', source: { file: 'token-preflight.yml', line: 10 }, tokenUrl: 'https://auth.example.com/oauth/token', clientIdVariable: 'QA_CLIENT_ID', clientSecretVariable: 'QA_CLIENT_SECRET', authMethod: 'client_secret_basic', scope: 'read:orders', revocationUrl: 'https://auth.example.com/oauth/revoke' },
    ]);
  });

  it.each([
    [['  - name: a', '    provider: github-app', '    app-id: APP', '    export: TOKEN'], 3, /private-key/],
    [['  - name: a', '    provider: oauth2', '    token-url: http://auth.example.com/token', '    client-id: ID', '    client-secret: SECRET', '    export: TOKEN'], 5, /An https:\/\/ URL/],
    [['  - name: a', '    provider: github-app', '    app-id: APP', '    private-key: KEY', '    export: GITHUB_TOKEN'], 7, /not a GITHUB_ or RUNNER_ name/],
    [['  - name: a', '    provider: github-app', '    app-id: APP', '    private-key: KEY', '    permissions: { contents: everything }', '    export: T'], 7, /read|write|admin/],
    [['  - name: a', '    provider: vault', '    export: T'], 4, /github-app|oauth2/],
  ])('refuses a bad entry at its line: %j', async (lines, line, message) => {
    const issues = await issuesOf(yaml('version: 1', 'mint:', ...lines));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.line).toBe(line);
    expect(issues.map((i) => i.message).join('\n')).toMatch(message);
  });

  it('a mint name must not repeat a token name', async () => {
    const issues = await issuesOf(yaml('version: 1', 'tokens:', '  - name: a', '    provider: github', '    secret: A', 'mint:', '  - name: a', '    provider: github-app', '    app-id: APP', '    private-key: KEY', '    export: T'));
    expect(issues).toEqual([expect.objectContaining({ line: 7, key: 'mint[0].name', message: expect.stringContaining('duplicate name "a"') })]);
  });
});
