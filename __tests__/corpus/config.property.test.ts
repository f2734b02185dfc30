import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli.js';
import { ConfigError, loadConfig, type ConfigIssue } from '../../src/config/load.js';
import { expectSafeLine, expectSafeText } from './invariants.js';

const RUNS = Number(process.env.FC_RUNS ?? 1_000);
// More runs (FC_RUNS=20000) need more time than the suite's default.
const TIMEOUT = Math.max(20_000, RUNS * 10);
const FILE = 'token-preflight.yml';

// Secret-shaped values: a known prefix (or none) and a random body of letters and digits, as tokens
// are. The body is what must never be printed.
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const body = fc
  .tuple(fc.array(fc.constantFrom(...ALNUM), { minLength: 16, maxLength: 36 }), fc.constantFrom('1', '7'), fc.constantFrom('x', 'Q'))
  .map(([chars, digit, letter]) => `${chars.join('')}${digit}${letter}${digit}${letter}`);
const secretArb = fc
  .tuple(fc.constantFrom('', 'ghp_', 'github_pat_11', 'xoxb-1234567890-', 'sk_live_', 'glpat-', 'AKIA', 'AC'), body)
  .map(([prefix, rest]) => ({ value: `${prefix}${rest}`, body: rest }));

// Strings no message may carry as they are: control characters, line breaks, bidi and zero-width
// characters, workflow commands.
const nasty = fc.constantFrom(
  '\n::error title=forged::pwned',
  '::stop-commands::pause',
  '::add-mask::x',
  '##[error]legacy',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\r',
  '\u0000',
  '\u0085',
  '\u009b2J',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\t',
);
const KEYS = [
  'version', 'defaults', 'tokens', 'allowed-hosts', 'name', 'provider', 'secret', 'previous-secret', 'environment',
  'require-scopes', 'allow-scopes', 'expect-identity', 'expect-mode', 'optional', 'base-url', 'expiry-warning-days',
  'max-latency-ms', 'reject-invalid', 'request', 'url', 'auth', 'bearer', 'expect', 'status', 'json', 'extract',
  'identity', 'outcomes', 'when', 'result', 'account-sid', 'auth-token', 'token', 'headers', 'method',
];
const word = fc.oneof(
  fc.constantFrom(...KEYS, 'github', 'twilio', 'http', 'RELEASE_BOT_TOKEN', 'repo', 'live', 'test', 'GET', '200', 'true', '1', '-1', 'https://api.example.com/me', '${token}', '$.login'),
  fc.string({ maxLength: 12 }),
);

interface Generated {
  text: string;
  secrets: Array<{ value: string; body: string }>;
}

/** A piece of text: plain words, nasty strings, secrets, YAML punctuation. */
const fragment = (secrets: Array<{ value: string }>) =>
  fc.oneof(
    { weight: 5, arbitrary: word },
    { weight: 2, arbitrary: nasty },
    { weight: 2, arbitrary: fc.constantFrom(...secrets.map((s) => s.value)) },
    { weight: 3, arbitrary: fc.constantFrom(': ', ':', '- ', '"', "'", '[', ']', '{', '}', ', ', '#', ' #', '&a ', '*a', '|', '>', '? ', '!', '!!str ', '---', '...', '%', '@', '`', '\\', '  ', '    ', '\t') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );

/** Lines made of fragments at random indentation: mostly broken YAML. */
const soup = fc.array(secretArb, { minLength: 1, maxLength: 3 }).chain((secrets) =>
  fc
    .array(
      fc.tuple(fc.constantFrom('', '  ', '    ', '      ', ' ', '   ', '\t', '  - ', '- ', '    - '), fc.array(fragment(secrets), { minLength: 1, maxLength: 6 })),
      { minLength: 1, maxLength: 12 },
    )
    .map((lines): Generated => ({ text: `${lines.map(([indent, parts]) => indent + parts.join('')).join('\n')}\n`, secrets })),
);

/** Valid YAML (written by the yaml library) of config-shaped data with random keys and values: schema and later checks. */
const value = (secrets: Array<{ value: string }>) =>
  fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 2, arbitrary: fc.constantFrom(...secrets.map((s) => s.value)) },
    { weight: 2, arbitrary: fc.tuple(word, nasty, word).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 1_000 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true })) },
    { weight: 1, arbitrary: fc.array(fc.oneof(word, fc.constantFrom(...secrets.map((s) => s.value))), { maxLength: 3 }) },
  );
const key = (secrets: Array<{ value: string }>) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...KEYS) },
    { weight: 1, arbitrary: nasty.map((n) => `k${n}`) },
    { weight: 1, arbitrary: fc.constantFrom(...secrets.map((s) => s.value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
const structured = fc.array(secretArb, { minLength: 1, maxLength: 3 }).chain((secrets) => {
  const entry = fc.dictionary(key(secrets), fc.oneof({ weight: 4, arbitrary: value(secrets) }, { weight: 1, arbitrary: fc.dictionary(key(secrets), value(secrets), { maxKeys: 3 }) }), { maxKeys: 7 });
  const base = fc.record({
    name: fc.oneof(word, fc.constantFrom(...secrets.map((s) => s.value))),
    provider: fc.oneof(fc.constantFrom('github', 'twilio', 'http'), word, fc.constantFrom(...secrets.map((s) => s.value))),
    secret: fc.oneof(fc.constantFrom('A_TOKEN', 'B'), value(secrets), fc.dictionary(key(secrets), value(secrets), { maxKeys: 2 })),
  });
  const token = fc.tuple(base, entry).map(([b, e]) => ({ ...b, ...e }));
  return fc
    .record(
      {
        version: value(secrets),
        defaults: fc.oneof(fc.dictionary(key(secrets), value(secrets), { maxKeys: 3 }), value(secrets)),
        tokens: fc.oneof({ weight: 5, arbitrary: fc.array(token, { maxLength: 4 }) }, { weight: 1, arbitrary: value(secrets) }),
        'allowed-hosts': value(secrets),
        extra: fc.dictionary(key(secrets), value(secrets), { maxKeys: 2 }),
      },
      { requiredKeys: ['tokens'] },
    )
    .map(({ extra, ...config }): Generated => ({ text: stringify({ ...config, ...extra }), secrets }));
});

/** Structured text with a few random edits: a character inserted or removed, a line re-indented. */
const mutated = structured.chain((generated) =>
  fc
    .array(fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'indent', 'dedent'), fc.constantFrom(':', '-', ' ', '"', "'", '[', '{', '\t', '#', '&', '*', '\n', '\u001b', '::')), { minLength: 1, maxLength: 4 })
    .map((edits): Generated => {
      let text = generated.text;
      for (const [at, edit, char] of edits) {
        const i = text.length === 0 ? 0 : at % text.length;
        const lineStart = text.lastIndexOf('\n', i - 1) + 1;
        if (edit === 'insert') text = text.slice(0, i) + char + text.slice(i);
        else if (edit === 'delete') text = text.slice(0, i) + text.slice(i + 1);
        else if (edit === 'indent') text = `${text.slice(0, lineStart)} ${text.slice(lineStart)}`;
        else if (text[lineStart] === ' ') text = text.slice(0, lineStart) + text.slice(lineStart + 1);
      }
      return { text, secrets: generated.secrets };
    }),
);

const configs = fc.oneof(soup, structured, mutated);

async function issuesOf(text: string): Promise<{ issues: ConfigIssue[]; error?: ConfigError }> {
  try {
    await loadConfig({ path: FILE, text, pathExplicit: true, cwd: '/nonexistent', expiryWarningDays: 14 });
    return { issues: [] };
  } catch (error) {
    // Nothing but a ConfigError: a crash would be an unreadable stack trace instead of a file:line.
    expect(error, String((error as Error)?.stack)).toBeInstanceOf(ConfigError);
    return { issues: (error as ConfigError).issues, error: error as ConfigError };
  }
}

function expectNoSecret(printed: string, secrets: Generated['secrets']): void {
  for (const secret of secrets) {
    expect(printed, `echoes ${secret.value}`).not.toContain(secret.value);
    expect(printed, `echoes the body of ${secret.value}`).not.toContain(secret.body);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'tp-config-property-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('loadConfig on generated configs (property-based)', () => {
  it(`throws only ConfigError, every issue has a line, and no message holds a secret, a control character or a workflow command (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(configs, async ({ text, secrets }) => {
        const { issues, error } = await issuesOf(text);
        for (const issue of issues) {
          if (text.trim()) expect(issue.line, `${issue.where} ${issue.key}: ${issue.message}`).toBeGreaterThanOrEqual(1);
          expectSafeLine(issue.message, 'a message');
          expectSafeLine(issue.key, 'a key');
          expectSafeLine(issue.where, 'a place');
        }
        if (error) {
          expectSafeText(error.message, 'the error');
          expectNoSecret(JSON.stringify(issues) + error.message, secrets);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`the CLI prints the same safely (${Math.ceil(RUNS / 5)} runs)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(configs, async ({ text, secrets }) => {
        const file = path.join(work, `${n++}.yml`);
        writeFileSync(file, text);
        let stdout = '';
        let stderr = '';
        // An empty token list passes to the run, which reads no secret and calls no provider.
        const code = await runCli(['check', '--config', file, '--format', 'json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: work });
        expect([0, 1, 2]).toContain(code);
        expectSafeText(stderr, 'the CLI output');
        expectNoSecret(stderr, secrets);
        if (code === 2) expect(stdout).toBe('');
      }),
      { numRuns: Math.ceil(RUNS / 5) },
    );
  }, TIMEOUT);
});
