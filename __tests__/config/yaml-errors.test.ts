import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDocument, type ErrorCode } from 'yaml';
import { ConfigError, loadConfig, MAX_ALIAS_COUNT } from '../../src/config/load.js';
import { MAX_SYNTAX_PROBLEMS } from '../../src/config/yaml-errors.js';

const load = (text: string) =>
  loadConfig({ path: 'token-preflight.yml', text, pathExplicit: true, cwd: '/nonexistent', expiryWarningDays: 14 }).then(
    () => {
      throw new Error('the config was accepted');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).issues;
    },
  );

/** Every error code of the `yaml` library (its errors.d.ts); a new one makes this list, and the corpus, grow. */
const ALL_CODES: ErrorCode[] = [
  'ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'RESOURCE_EXHAUSTION',
  'TAB_AS_INDENT', 'TAG_RESOLVE_FAILED', 'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE',
];

interface Case {
  name: string;
  config?: string[];
  text?: string;
  expand?: { marker: string; with: string; times: number };
}
const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../corpus/config/yaml-syntax.json', import.meta.url)), 'utf8')) as Case[];
const textOf = (c: Case) => {
  const text = c.text ?? `${(c.config ?? []).join('\n')}\n`;
  return c.expand ? text.split(c.expand.marker).join(c.expand.with.repeat(c.expand.times)) : text;
};

describe('YAML errors in plain words', () => {
  it('the corpus triggers every error code of the yaml library', () => {
    const seen = new Set<ErrorCode>();
    for (const c of corpus) {
      const doc = parseDocument(textOf(c), { prettyErrors: false, uniqueKeys: true, stringKeys: true, logLevel: 'error' });
      for (const error of [...doc.errors, ...doc.warnings]) seen.add(error.code);
    }
    expect(ALL_CODES.filter((code) => !seen.has(code))).toEqual([]);
  });

  it("never passes the library's message on: none of its wording reaches an issue", async () => {
    const library = /Implicit keys|Nested mappings|Sequence item without|Missing closing|must be sufficiently indented|Unexpected .* token|Plain value cannot|Map keys must be unique|YAML stream|parseAllDocuments/;
    for (const c of corpus) {
      for (const issue of await load(textOf(c))) expect(issue.message, c.name).not.toMatch(library);
    }
  });

  it('an alias bomb is one issue, "too many aliases", found quickly', async () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 16; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('tokens: *a15');
    const started = performance.now();
    const issues = await load(`${lines.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ where: 'token-preflight.yml:2:10', line: 2, key: '' });
    expect(issues[0]!.message).toMatch(/^not valid YAML: too many aliases \(.*past the limit of 100 copies/);
    expect(MAX_ALIAS_COUNT).toBe(100);
  });

  it('a config using a few aliases is read', async () => {
    const text = ['defaults: &d { expiry-warning-days: 3 }', 'tokens:', '  - name: a', '    provider: github', '    secret: &s A', '  - name: b', '    provider: github', '    secret: *s'].join('\n');
    const config = await loadConfig({ path: 'token-preflight.yml', text, pathExplicit: true, cwd: '/nonexistent', expiryWarningDays: 14 });
    expect(config.tokens.map((t) => t.secret)).toEqual([{ token: 'A' }, { token: 'A' }]);
  });

  it(`lists at most ${MAX_SYNTAX_PROBLEMS} YAML errors, then says how many more there are`, async () => {
    const text = Array.from({ length: 40 }, (_, i) => `k${i}: "unclosed${i}\n`).join('') + Array.from({ length: 30 }, (_, i) => `- a: @x${i}\n`).join('');
    const lines = Array.from({ length: 60 }, (_, i) => `key${i}: @bad\n`).join('');
    for (const source of [text, lines]) {
      const issues = await load(source);
      expect(issues.length).toBeLessThanOrEqual(MAX_SYNTAX_PROBLEMS + 1);
      if (issues.length === MAX_SYNTAX_PROBLEMS + 1) expect(issues[MAX_SYNTAX_PROBLEMS]!.message).toMatch(/more YAML errors? from this line on/);
    }
    const issues = await load(lines);
    expect(issues).toHaveLength(MAX_SYNTAX_PROBLEMS + 1);
    expect(issues.map((i) => i.line)).toEqual([...Array(MAX_SYNTAX_PROBLEMS + 1).keys()].map((i) => i + 1));
    expect(issues[MAX_SYNTAX_PROBLEMS]!.message).toBe('not valid YAML: 40 more YAML errors from this line on (not listed): fix the ones above first, they often cause the rest');
  });

  describe('the library prints nothing itself', () => {
    afterEach(() => vi.restoreAllMocks());

    it('a collection used as a key is an issue, not a process warning that quotes it', async () => {
      const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
      const issues = await load('? [ghp_aB3xaB3xaB3xaB3xaB3xaB3xaB3xaB3xaB3x]\n: 1\n');
      expect(warn).not.toHaveBeenCalled();
      expect(issues[0]!.message).toContain('a key must be a plain name');
    });
  });
});
