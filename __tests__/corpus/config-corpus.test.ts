import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { expectSafeLine, expectSafeText } from './invariants.js';

/** One bad config of the corpus (see README.md). */
interface Case {
  name: string;
  code?: string;
  config?: string[];
  text?: string;
  expand?: { marker: string; with: string; times: number };
  input?: string[];
  expect: Array<{ at?: string; where?: string; key?: string; says: string }>;
  count?: number;
  ordered?: boolean;
  never?: string[];
}

const FILE = 'token-preflight.yml';
const DIR = fileURLToPath(new URL('./config/', import.meta.url));
const corpus = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, cases: JSON.parse(readFileSync(path.join(DIR, name), 'utf8')) as Case[] }));

export function textOf(c: Case): string | undefined {
  const text = c.text ?? (c.config ? `${c.config.join('\n')}\n` : undefined);
  return text !== undefined && c.expand ? text.split(c.expand.marker).join(c.expand.with.repeat(c.expand.times)) : text;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'tp-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function issuesOf(c: Case): Promise<ConfigError> {
  const text = textOf(c);
  const error = await loadConfig({
    path: FILE,
    text: text ?? null,
    pathExplicit: text !== undefined,
    inlineTokens: c.input ? `${c.input.join('\n')}\n` : undefined,
    cwd: work,
    expiryWarningDays: 14,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the config must be refused').toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const whereOf = (expected: Case['expect'][number]) => expected.where ?? `${FILE}:${expected.at}`;

describe.each(corpus)('corpus $name', ({ cases }) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const error = await issuesOf(c);
    const { issues } = error;
    const shown = issues.map((i) => `${i.where} ${i.key}: ${i.message}`).join('\n');

    for (const expected of c.expect) {
      const where = whereOf(expected);
      const match = issues.find(
        (i) =>
          (expected.at && !expected.at.includes(':') ? i.where.startsWith(`${FILE}:${expected.at}:`) : i.where === where) &&
          (expected.key === undefined || i.key === expected.key) &&
          i.message.includes(expected.says),
      );
      expect(match, `no issue at ${where}${expected.key !== undefined ? ` for ${expected.key}` : ''} saying "${expected.says}"; got:\n${shown}`).toBeDefined();
    }
    if (c.count !== undefined) expect(issues, shown).toHaveLength(c.count);
    if (c.ordered) {
      expect(issues.map((i) => `${i.where} ${i.key}`), shown).toEqual(c.expect.map((e) => `${whereOf(e)} ${e.key}`));
    }

    // What holds of every config error.
    const text = textOf(c);
    for (const issue of issues) {
      if (text?.trim() || c.input) expect(issue.line, `no line: ${issue.where} ${issue.key}: ${issue.message}`).toBeGreaterThan(0);
      expectSafeLine(issue.message, 'a message');
      expectSafeLine(issue.key, 'a key');
      expectSafeLine(issue.where, 'a place');
      if (issue.key) expect(issue.message.startsWith(issue.key), 'the key is not repeated in the message').toBe(false);
    }
    expectSafeText(error.message, 'the error');
    for (const secret of c.never ?? []) expect(JSON.stringify(issues) + error.message, `"${secret}" is echoed`).not.toContain(secret);

    // And through the CLI, which prints the issues to stderr (the file only: it has no inline input).
    if (text !== undefined && !c.input) {
      const dir = mkdtempSync(path.join(work, 'cli-'));
      writeFileSync(path.join(dir, FILE), text);
      let stderr = '';
      let stdout = '';
      const code = await runCli(['check', '--config', FILE], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: dir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expectSafeText(stderr, 'the CLI output');
      for (const secret of c.never ?? []) expect(stderr, `"${secret}" is printed`).not.toContain(secret);
      for (const expected of c.expect) expect(stderr).toContain(expected.says);
    }
  });
});

describe('the corpus', () => {
  it('is large enough to mean something', () => {
    expect(corpus.map((file) => file.cases.length).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(100);
  });
});
