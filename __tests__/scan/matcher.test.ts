import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { base62Crc32 } from '../../src/providers/checksum.js';
import { shannonEntropy } from '../../src/scan/entropy.js';
import { diffHunks, type ByteHunk } from '../../src/scan/diff.js';
import { KeywordAutomaton, KeywordHits } from '../../src/scan/keywords.js';
import { MAX_LINE_LENGTH, createMatcher } from '../../src/scan/matcher.js';
import { hardNegative, isCode } from '../../src/scan/negatives.js';
import { GENERIC_RULES } from '../../src/scan/rules/generic.js';
import { RULES } from '../../src/scan/rules/index.js';
import type { AddedLine, Rule } from '../../src/scan/types.js';

function hunk(...texts: string[]): AddedLine[] {
  return texts.map((text, index) => ({ file: 'src/app.ts', line: 10 + index, text }));
}

function rule(overrides: Partial<Rule> & Pick<Rule, 'id' | 'keywords' | 'pattern'>): Rule {
  return { description: `test rule ${overrides.id}`, examples: { positive: [], negative: [] }, ...overrides };
}

/** A token with a prefix: `zzt_` and 24 characters. */
const ZZT = rule({ id: 'zzt-token', keywords: ['zzt_'], pattern: /\b(?<secret>zzt_[A-Za-z0-9]{24})\b/ });
const TOKEN = 'zzt_Q7mK2pX9wL4tR8vN3bJ6cH1d';
const generic = (id: string) => GENERIC_RULES.find((candidate) => candidate.id === id)!;
/** Every rule of the scan, as the scan runs them. */
const ALL = createMatcher(RULES);

describe('the keyword prefilter', () => {
  const unkeyed = rule({ id: 'unkeyed', keywords: ['qqkeyword'], pattern: /secret-(?<secret>[A-Za-z0-9]{20})/ });

  it('never runs a rule whose keyword is absent, even where its pattern would match', () => {
    const validate = vi.fn(() => true);
    const matcher = createMatcher([{ ...unkeyed, validate }]);
    const line = 'const value = "secret-Q7mK2pX9wL4tR8vN3bJ6";';
    expect(unkeyed.pattern.test(line)).toBe(true);
    expect(matcher.scan(hunk(line))).toEqual([]);
    expect(validate).not.toHaveBeenCalled();

    const found = matcher.scan(hunk(`${line} // QQKeyword`));
    expect(found.map((match) => match.secret)).toEqual(['Q7mK2pX9wL4tR8vN3bJ6']);
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('finds overlapping keywords: each rule whose keyword occurs runs', () => {
    const long = rule({ id: 'long', keywords: ['api_key'], pattern: /api_key=(?<secret>\w{4})/i });
    const short = rule({ id: 'short', keywords: ['key'], pattern: /key=\w{4}(?<secret>\w{4})/i });
    const inner = rule({ id: 'inner', keywords: ['pi_k'], pattern: /pi_k(?<secret>ey=)/i });
    const found = createMatcher([long, short, inner]).scan(hunk('API_KEY=Q7mK2pX9wL4t'));
    expect(found.map((match) => [match.rule.id, match.secret])).toEqual([
      ['inner', 'EY='],
      ['long', 'Q7mK'],
      ['short', '2pX9'],
    ]);
  });

  it('takes non-ASCII text and keywords', () => {
    const accented = rule({ id: 'accented', keywords: ['clé'], pattern: /clé=(?<secret>\w{12})/i });
    const matcher = createMatcher([accented, ZZT]);
    expect(matcher.scan(hunk(`// Schlüssel ✓ ${TOKEN}`)).map((match) => match.column)).toEqual([16]);
    expect(matcher.scan(hunk('CLÉ=Q7mK2pX9wL4t')).map((match) => match.rule.id)).toEqual(['accented']);
  });
});

describe('matches', () => {
  it('report the named group secret with its 1-based column, and the added line’s own number', () => {
    const found = createMatcher([ZZT]).scan(hunk('nothing here', `export ZZT=${TOKEN} # and ${TOKEN.replace('Q7', 'R8')}`));
    expect(found).toEqual([
      { rule: ZZT, file: 'src/app.ts', line: 11, column: 12, secret: TOKEN },
      { rule: ZZT, file: 'src/app.ts', line: 11, column: 12 + TOKEN.length + 7, secret: TOKEN.replace('Q7', 'R8') },
    ]);
  });

  it('use the whole match when the pattern has no secret group', () => {
    const whole = rule({ id: 'whole', keywords: ['zzt_'], pattern: /zzt_[A-Za-z0-9]{24}/ });
    expect(createMatcher([whole]).scan(hunk(`  ${TOKEN}`))).toMatchObject([{ column: 3, secret: TOKEN }]);
  });

  it('capture rule.parts from named groups', () => {
    const paired = rule({
      id: 'paired',
      keywords: ['zzid'],
      pattern: /zzid=(?<id>ZZ[0-9]{6}) zzkey=(?<secret>[A-Za-z0-9]{24})/,
      parts: { 'key-id': 'id', absent: 'nothere' },
    });
    const [match] = createMatcher([paired]).scan(hunk('zzid=ZZ123456 zzkey=Q7mK2pX9wL4tR8vN3bJ6cH1d'));
    expect(match).toMatchObject({ secret: 'Q7mK2pX9wL4tR8vN3bJ6cH1d', parts: { 'key-id': 'ZZ123456' } });
    expect(Object.keys(match!.parts!)).toEqual(['key-id']);
  });

  it('ignore g and y flags on a pattern and survive empty matches', () => {
    const flagged = rule({ id: 'flagged', keywords: ['zzt_'], pattern: /zzt_[A-Za-z0-9]{24}/gy });
    const empty = rule({ id: 'empty', keywords: ['zz'], pattern: /(?<secret>x*)/ });
    expect(createMatcher([flagged, empty]).scan(hunk(`a ${TOKEN} b ${TOKEN}`)).map((match) => match.column)).toEqual([3, 34]);
  });

  it('never put the secret anywhere but `secret` and `parts`', () => {
    const paired = rule({ ...ZZT, id: 'zzt-paired', parts: { token: 'secret' } });
    const description = paired.description;
    const [match] = createMatcher([paired]).scan(hunk(`token: ${TOKEN}`));
    expect(match!.rule).toBe(paired);
    expect(paired.description).toBe(description);
    const { secret, parts, rule: matched, ...rest } = match!;
    expect(secret).toBe(TOKEN);
    expect(parts).toEqual({ token: TOKEN });
    expect(JSON.stringify(rest)).not.toContain(TOKEN.slice(4));
    expect(JSON.stringify({ ...matched, pattern: String(matched.pattern) })).not.toContain(TOKEN.slice(4));
    expect(Object.keys(match!).sort()).toEqual(['column', 'file', 'line', 'parts', 'rule', 'secret']);
  });
});

describe('checks on every candidate', () => {
  it('entropy: Shannon bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBe(1);
    expect(shannonEntropy('abcdefgh')).toBe(3);
  });

  it('entropy gates a rule that sets it', () => {
    const gated = rule({ id: 'gated', keywords: ['zzv='], pattern: /zzv=(?<secret>[A-Za-z0-9]{16})\b/, entropy: 3.5 });
    const matcher = createMatcher([gated]);
    expect(matcher.scan(hunk('zzv=Q7mK2pX9wL4tR8vN'))).toHaveLength(1);
    expect(matcher.scan(hunk('zzv=abababababababab'))).toEqual([]);
  });

  it('validate drops a candidate it refuses, or throws on', () => {
    const checked = rule({ ...ZZT, id: 'checked', validate: (secret) => secret.endsWith('1d') });
    const throwing = rule({ ...ZZT, id: 'throwing', validate: () => {
      throw new Error('bad');
    } });
    expect(createMatcher([checked]).scan(hunk(TOKEN, TOKEN.replace('1d', '1e'))).map((match) => match.line)).toEqual([10]);
    expect(createMatcher([throwing]).scan(hunk(TOKEN))).toEqual([]);
  });

  const anything = rule({ id: 'anything', keywords: ['zzv='], pattern: /zzv=(?<secret>\S{4,200})/ });
  const genericAnything = rule({ ...anything, id: 'generic-anything' });

  it.each([
    ['xxxx…', 'zzt_xxxxxxxxxxxxxxxxxxxxxxxx'],
    ['<YOUR_TOKEN>', '<YOUR_TOKEN>'],
    ['changeme', 'changeme'],
    ['example', 'AKIAIOSFODNN7EXAMPLE'],
    ['dummy', 'dummy-token-1234567890'],
    ['****', 'sk_live_****************'],
    ['one repeated character', '0000000000000000'],
    ['a prefix, then one repeated character', 'zzt_000000000000000000000000'],
    ['your_api_key_here', 'your_api_key_here'],
    ['a sequence', 'abcdefghijklmnop1234'],
    ['a truncation', 'sk_live_51H...'],
    ['${{ secrets.X }}', '${{secrets.ACME_TOKEN}}'],
    ['${VAR}', '${ACME_TOKEN}'],
    ['$VAR', '$ACME_TOKEN'],
    ['$VAR at the start', '$ACME_TOKEN@git.acme-corp.io'],
    ['process.env.X', 'process.env.ACME_TOKEN'],
    ['os.environ[…]', 'os.environ["ACME_TOKEN"]'],
    ['ENV[…]', 'ENV["ACME_TOKEN"]'],
    ['a template', '{{.Values.acme.token}}'],
    ['a lockfile integrity hash', 'sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8rZnJlZA=='],
    ['a data URI', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'],
    ['the alphabet in alternating case', 'AbCdEfGhIjKlMnOpQrStUvWx'],
    ['the alphabet between digits', 'A1b2C3d4E5f6G7h8I9j0'],
    ['an RFC 6749 sample token', '2YotnFZFEjr1zCsicMWpAA'],
  ])('drops %s for every rule', (_what, secret) => {
    expect(hardNegative(secret)).toBeDefined();
    expect(createMatcher([anything]).scan(hunk(`zzv=${secret}`))).toEqual([]);
  });

  it.each([
    ['a UUID', 'edef624a-b461-4ead-9543-c55a23f50bf3'],
    ['a git SHA', '9b5f8e2a4c7d1f3b6a8e0c2d4f6b8a1c3e5d7f90'],
    ['a test value', 'Vq7nR2xTestLw9pZ4k'],
    ['an identifier', 'config.acme.apiToken2'],
    ['a word', 'correct-horse-battery'],
    ['a path', '/run/secrets/acme_token'],
    ['base64 of a placeholder', 'cGFzc3dvcmQxMjM0'],
    ['a bundler’s renamed binding', 'SemicolonToken$1'],
    ['a short one', 'Foo$1'],
    ['an identifier with digits appended', 'currentUserToken2'],
    ['a snake-case identifier with digits', 'ACME_API_TOKEN_V2'],
    ['a kebab-case name', 'x-aws-ec2-metadata-token'],
    ['camel case with an acronym and digits', 'parseHTMLToken64Bytes'],
    ['a member path with optional chaining', 'matchResult?.pass'],
    ['a negated member path', '!!node.exclamationToken'],
    ['a non-null member path', 'this.session?.accessToken!'],
    ['a label', '?NonExpressionParenKeyword'],
    ['a Python comparison’s operand', 'Comment.Special:'],
    ['a call', 'this.auth?.token()'],
    ['a value that names itself', 'hf_AccessTokenForHuggingFaceHub0000000'],
  ])('drops %s only for generic rules', (_what, secret) => {
    expect(hardNegative(secret, false)).toBeUndefined();
    expect(hardNegative(secret, true)).toBeDefined();
    expect(createMatcher([anything]).scan(hunk(`zzv=${secret}`))).toHaveLength(1);
    expect(createMatcher([genericAnything]).scan(hunk(`zzv=${secret}`))).toEqual([]);
  });

  it('keeps real-shaped secrets', () => {
    for (const secret of ['zzt_Q7mK2pX9wL4tR8vN3bJ6cH1d', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'Vq7#nR2xLw9!pZ4k', 'b672a800-f8f5-4cad-bba0-0c8579c2794f']) {
      expect(hardNegative(secret), secret).toBeUndefined();
    }
  });

  it('keeps, for generic rules, random tokens and passwords that are not code', () => {
    // One word with digits or a symbol may be a password; random tokens do not read as names.
    for (const secret of ['Welcome123', 'geheim$parole', 'Summer$2024', 'ncB36Zw9nweuMKsNCBU1KeCw', 'Xk9-fPq_2LmZ8rTv4WnB', 'JBSWY3DPEHPK3PXP', 'Vq7#nR2xLw9!pZ4k']) {
      expect(isCode(secret), secret).toBe(false);
      expect(hardNegative(secret, true), secret).toBeUndefined();
    }
  });

  it('takes code for code, and a random token for no code, by the shape of names', () => {
    // Words of names have vowels and run 3 lower-case letters on average: random base62 rarely does.
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let code = 0;
    for (let i = 0; i < 20_000; i++) {
      const token = Array.from({ length: 24 }, () => base62[random(62)]).join('');
      if (/\d/.test(token) && isCode(token)) code++;
    }
    expect(code).toBeLessThan(20); // < 0.1 %
  });

  it('drops a token shape found inside a data URI or an integrity hash on the line', () => {
    const plus = rule({ id: 'zzt-plus', keywords: ['zzt+'], pattern: /(?<secret>zzt\+[A-Za-z0-9]{24})/ });
    const inBlob = `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB+${TOKEN.replace('_', '+')}">`;
    expect(createMatcher([plus]).scan(hunk(inBlob))).toEqual([]);
    expect(createMatcher([plus]).scan(hunk(`value: ${TOKEN.replace('_', '+')}`))).toHaveLength(1);
    const line = `"integrity": "sha512-abc+${TOKEN}", "token": "${TOKEN}"`;
    expect(createMatcher([ZZT]).scan(hunk(line)).map((match) => match.column)).toEqual([line.lastIndexOf(TOKEN) + 1]);
  });
});

describe('multi-line private keys', () => {
  const privateKey = generic('private-key');
  const body = [
    'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQTwwbRV0IxDcAWu',
    'vxqlAWVZ21XyakuK3Y/tqMmO7YkMoXPgeaQo+PmmcbuaclxcXT12QTGISqmef/tz',
    'VPhXe3Bs+uDjng1eTxnkY/DiNXrOBc/BDCb/uk5fImPjP+7z33cQwkLYDGgjQ5sv',
  ];
  const matcher = ALL;

  it('reports a key once, at its BEGIN line and column, the block as the secret', () => {
    const found = matcher.scan(hunk('const key = `', '  -----BEGIN PRIVATE KEY-----', ...body.map((line) => `  ${line}`), '  -----END PRIVATE KEY-----', '`;'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: privateKey, line: 11, column: 3 });
    expect(found[0]!.secret.startsWith('-----BEGIN PRIVATE KEY-----\n  MIIEvQ')).toBe(true);
    expect(found[0]!.secret.endsWith('-----END PRIVATE KEY-----')).toBe(true);
  });

  it('finds a key cut off by the end of the hunk', () => {
    expect(matcher.scan(hunk('-----BEGIN RSA PRIVATE KEY-----', ...body))).toMatchObject([{ rule: privateKey, line: 10, column: 1 }]);
  });

  it('skips a docs sample: BEGIN followed by "...", or by nothing', () => {
    expect(matcher.scan(hunk('-----BEGIN RSA PRIVATE KEY-----', '...', '-----END RSA PRIVATE KEY-----'))).toEqual([]);
    expect(matcher.scan(hunk('-----BEGIN RSA PRIVATE KEY-----'))).toEqual([]);
    expect(matcher.scan(hunk('-----BEGIN RSA PRIVATE KEY-----', '', 'const other = 1;'))).toEqual([]);
  });

  it('does not scan the key’s body lines again with other rules', () => {
    const inBody = rule({ id: 'in-body', keywords: ['vxql'], pattern: /vxql[A-Za-z0-9]{8}/ });
    const keyed = createMatcher([privateKey, inBody]);
    expect(keyed.scan(hunk('-----BEGIN PRIVATE KEY-----', ...body, '-----END PRIVATE KEY-----')).map((match) => match.rule.id)).toEqual(['private-key']);
    expect(keyed.scan(hunk(body[1]!)).map((match) => match.rule.id)).toEqual(['in-body']);
  });

  it('finds two keys in one hunk, each at its own line', () => {
    const block = ['-----BEGIN EC PRIVATE KEY-----', ...body, '-----END EC PRIVATE KEY-----'];
    expect(matcher.scan(hunk(...block, 'next:', ...block)).map((match) => match.line)).toEqual([10, 16]);
  });
});

describe('provider prefixes', () => {
  /** `zzt_` + 24 characters whose last is `d`: a stand-in for a checksum. */
  const checked = rule({ ...ZZT, id: 'checked', validate: (secret) => secret.endsWith('d') });
  const refused = `ACME_TOKEN=${TOKEN.slice(0, -1)}e`;

  it('keep a generic rule from reporting what the prefix’s own rule refused', () => {
    expect(createMatcher([generic('generic-token')]).scan(hunk(refused)).map((match) => match.rule.id)).toEqual(['generic-token']);
    expect(createMatcher([generic('generic-token'), checked]).scan(hunk(refused))).toEqual([]);
    // …or did not match at all (a wrong length)
    expect(createMatcher([generic('generic-token'), checked]).scan(hunk(`ACME_TOKEN=${TOKEN}Q7mK`))).toEqual([]);
    expect(createMatcher([generic('generic-token'), checked]).scan(hunk(`ACME_TOKEN=${TOKEN}`)).map((match) => match.rule.id)).toEqual(['checked']);
  });

  it('follow the rule’s case: a case-insensitive rule claims its prefix in any case', () => {
    const upper = `ACME_TOKEN=ZZT_${TOKEN.slice(4, -1)}e`;
    expect(createMatcher([generic('generic-token'), checked]).scan(hunk(upper)).map((match) => match.rule.id)).toEqual(['generic-token']);
    const folded = rule({ ...checked, pattern: new RegExp(checked.pattern.source, 'i') });
    expect(createMatcher([generic('generic-token'), folded]).scan(hunk(upper))).toEqual([]);
  });

  it('are claimed only where specific: 4 characters or more, holding a keyword of the rule, not a plain word', () => {
    const short = rule({ id: 'short', keywords: ['zz_'], pattern: /\b(?<secret>zz_[a-f0-9]{40})\b/ });
    const contextual = rule({ id: 'contextual', keywords: ['acme'], pattern: /acme_key=(?<secret>zzk-[a-f0-9]{32})/ });
    const word = rule({ id: 'word', keywords: ['live_'], pattern: /\b(?<secret>live_[a-f0-9]{40})\b/ });
    const body = 'Q7mK2pX9wL4tR8vN3bJ6cH1d';
    for (const [claimer, value] of [[short, `zz_${body}`], [contextual, `zzk-${body}`], [word, `live_${body}`]] as const) {
      expect(createMatcher([generic('generic-token'), claimer]).scan(hunk(`ACME_TOKEN=${value}`)).map((match) => match.rule.id), claimer.id).toEqual(['generic-token']);
    }
  });

  it('are not claimed by a rule whose own examples do not start with them (a pattern read wrongly)', () => {
    // Two groups named `secret` (one per alternative): the prefix is read from the first only.
    const pattern = new RegExp(String.raw`\b(?<secret>zzq_[A-Za-z0-9]{24})\b|x(?<secret>zzt_[A-Za-z0-9]{24})\b`);
    const twice = (positive: string) => rule({ id: 'twice', keywords: ['zzq_', 'zzt_'], pattern, validate: () => false, examples: { positive: [positive], negative: [] } });
    const line = `ACME_TOKEN=zzq_${TOKEN.slice(4)}`;
    expect(createMatcher([generic('generic-token'), twice(`token: zzq_${TOKEN.slice(4)}`)]).scan(hunk(line))).toEqual([]);
    expect(createMatcher([generic('generic-token'), twice(`token: x${TOKEN}`)]).scan(hunk(line)).map((match) => match.rule.id)).toEqual(['generic-token']);
  });

  it.each([
    ['ghp_', 'GITHUB_TOKEN=ghp_Q7mK2pX9wL4tR8vN3bJ6cH1dK5fG0hS2jA4lZ6'],
    ['gho_', '"access_token": "gho_Q7mK2pX9wL4tR8vN3bJ6cH1dK5fG0hS2jA4lZ6"'],
    ['github_pat_', 'GH_TOKEN=github_pat_Q7mK2pX9wL4tR8vN3bJ6cH1d'],
    ['glpat-', 'GITLAB_TOKEN=glpat-Q7mK2pX9wL4tR8v'],
    ['xox', 'SLACK_TOKEN=xoxb-Q7mK2pX9wL4tR8vN3bJ6cH1d'],
    ['sk_live_', 'client_secret = "sk_live_Q7mK2pX9wL4t"'],
    ['npm_', 'NPM_TOKEN=npm_Q7mK2pX9wL4tR8vN3bJ6cH1dK5fG0hS2jA4lZ6'],
    ['AKIA', 'ACME_API_KEY=AKIAQ7MK2PX9WL4TR8V'],
    ['AIza', 'api_key = "AIzaQ7mK2pX9wL4tR8vN3bJ6"'],
  ])('leave a %s value its rule refused to no one', (_prefix, line) => {
    expect(createMatcher(GENERIC_RULES).scan(hunk(line))).toHaveLength(1);
    expect(ALL.scan(hunk(line))).toEqual([]);
  });
});

describe('docs samples in Markdown', () => {
  const readme = (...texts: string[]) => texts.map((text, index) => ({ file: 'node_modules/@acme/auth-token/README.md', line: 60 + index, text }));
  /** A classic PAT whose CRC-32 holds, built here so that no whole token stands in the source. */
  const random = 'Q7mK2pX9wL4tR8vN3bJ6cH1dK5fG0h';
  const valid = `ghp_${random}${base62Crc32(random)}`;

  it('stay quiet where a checksum fails or the value is a placeholder', () => {
    const samples = readme(
      "//   token: 'ghp_PersonalAccessToken01245678900000000',",
      "//   token: 'ghs_InstallallationOrActionToken00000000',",
      'const TOKEN = "ghp_PersonalAccessToken01245678900000000";',
      `export GITHUB_TOKEN=${valid.slice(0, -1)}${valid.endsWith('A') ? 'B' : 'A'}`,
      'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SLACK_BOT_TOKEN=xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
      'HF_TOKEN=hf_AccessTokenForHuggingFaceHub0000000',
      '```json',
      '{ "access_token": "2YotnFZFEjr1zCsicMWpAA", "refresh_token": "tGzv3JOkF0XG5Qx2TlKWIA" }',
    );
    expect(ALL.scan(samples)).toEqual([]);
  });

  it('still find a real-shaped token whose checksum holds', () => {
    const found = ALL.scan(readme('Use it like this:', `export GITHUB_TOKEN=${valid}`));
    expect(found).toMatchObject([{ rule: { id: 'github-pat' }, line: 61, column: 21, secret: valid }]);
  });
});

describe('duplicates', () => {
  it('one finding per rule, line and column', () => {
    expect(createMatcher([ZZT, ZZT]).scan(hunk(TOKEN))).toHaveLength(1);
  });

  it('the same secret span: the rule with a provider wins, else the longer prefix', () => {
    const broad = rule({ id: 'broad', keywords: ['zz'], pattern: /\b(?<secret>zz[a-z]_[A-Za-z0-9]{24})\b/ });
    const provided = rule({ id: 'provided', provider: 'github', keywords: ['zz'], pattern: /\b(?<secret>zzt_[A-Za-z0-9]{24})\b/ });
    expect(createMatcher([broad, ZZT]).scan(hunk(TOKEN)).map((match) => match.rule.id)).toEqual(['zzt-token']);
    expect(createMatcher([ZZT, broad]).scan(hunk(TOKEN)).map((match) => match.rule.id)).toEqual(['zzt-token']);
    expect(createMatcher([ZZT, provided]).scan(hunk(TOKEN)).map((match) => match.rule.id)).toEqual(['provided']);
  });

  it('a secret inside a more specific rule’s secret is not reported again', () => {
    const wrapper = rule({ id: 'wrapper', provider: 'github', keywords: ['zzw'], pattern: /zzw\((?<secret>[^)]{10,200})\)/ });
    expect(createMatcher([ZZT, wrapper]).scan(hunk(`zzw(user:${TOKEN})`)).map((match) => match.rule.id)).toEqual(['wrapper']);
  });

  it('a generic rule gives way to any other rule overlapping its secret, or a part of it', () => {
    const line = `ACME_TOKEN=${TOKEN}`;
    const rules = [generic('generic-token'), ZZT];
    expect(createMatcher([generic('generic-token')]).scan(hunk(line)).map((match) => match.rule.id)).toEqual(['generic-token']);
    expect(createMatcher(rules).scan(hunk(line)).map((match) => match.rule.id)).toEqual(['zzt-token']);
    const paired = rule({ id: 'paired', keywords: ['zzid'], pattern: /zzid=(?<secret>ZZ[0-9]{6}) zz_secret=(?<key>[A-Za-z0-9]{24})/, parts: { key: 'key' } });
    const both = 'zzid=ZZ123456 zz_secret=Q7mK2pX9wL4tR8vN3bJ6cH1d';
    expect(createMatcher([generic('generic-secret')]).scan(hunk(both)).map((match) => match.rule.id)).toEqual(['generic-secret']);
    expect(createMatcher([generic('generic-secret'), paired]).scan(hunk(both)).map((match) => match.rule.id)).toEqual(['paired']);
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ3b3JrZXItNyIsImlhdCI6MTc2NzIyNTYwMH0.mE3hT6cK9pQ2rV8xL5nW1zY4bJ7dF0gH3sA6uC9eI2o';
    expect(ALL.scan(hunk(`Authorization: Bearer ${jwt}`)).map((match) => match.rule.id)).toEqual(['jwt']);
  });
});

describe('long lines', () => {
  const filler = 'a=1;'.repeat(Math.ceil(MAX_LINE_LENGTH / 4) + 10);

  it('are scanned by prefixed-token rules only', () => {
    const contextual = rule({ id: 'contextual', keywords: ['zzctx'], pattern: /zzctx=(?<secret>[A-Za-z0-9]{24})/ });
    const matcher = createMatcher([ZZT, contextual, generic('generic-password')]);
    const short = `zzctx=Q7mK2pX9wL4tR8vN3bJ6cH1d password="Vq7#nR2xLw9!pZ4k" ${TOKEN}`;
    expect(matcher.scan(hunk(short)).map((match) => match.rule.id).sort()).toEqual(['contextual', 'generic-password', 'zzt-token']);
    const long = `${filler}${short}`;
    expect(long.length).toBeGreaterThan(MAX_LINE_LENGTH);
    expect(matcher.scan(hunk(long))).toMatchObject([{ rule: ZZT, column: long.length - TOKEN.length + 1 }]);
  });

  it('know a prefixed token by its examples where the pattern does not spell the prefix', () => {
    const classed = rule({
      id: 'classed',
      keywords: ['zzt_', 'zzq_'],
      pattern: /\b(?<secret>zz[tq]_[A-Za-z0-9]{24})\b/,
      examples: { positive: [`ZZT=${TOKEN}`], negative: [] },
    });
    expect(createMatcher([classed]).scan(hunk(`${filler}${TOKEN}`))).toHaveLength(1);
    expect(createMatcher([{ ...classed, examples: { positive: [], negative: [] } }]).scan(hunk(`${filler}${TOKEN}`))).toEqual([]);
  });
});

describe('chunks of a diff read as bytes', () => {
  /** A diff adding `lines` to one file, read as bytes. */
  async function byteHunks(lines: readonly string[]): Promise<ByteHunk[]> {
    const diff = ['--- /dev/null', '+++ b/f.txt', `@@ -0,0 +1,${lines.length} @@`, ...lines.map((line) => `+${line}`), ''].join('\n');
    const hunks: ByteHunk[] = [];
    for await (const hunk of diffHunks(diff)) hunks.push(hunk as ByteHunk);
    return hunks;
  }
  const found = (matches: ReturnType<typeof ALL.scan>) => matches.map((m) => `${m.line}:${m.column}:${m.rule.id}:${m.secret}`);

  it('find what their lines find as text: every rule’s examples, long lines, non-ASCII text, keys over lines', async () => {
    const filler = 'const value = compute(options.key, token) // é ✓';
    const examples = RULES.flatMap((r) => [...r.examples.positive, ...r.examples.negative]).flatMap((example) => example.split('\n'));
    const lines = examples.flatMap((example, i) => [example, i % 7 === 0 ? `${'x=1;'.repeat(1100)} ${example}` : filler]);
    const hunks = await byteHunks(lines);
    expect(hunks.length).toBeGreaterThan(0);
    for (const hunk of hunks) expect(found(ALL.scanHunk(hunk))).toEqual(found(ALL.scan(hunk.lines)));
  });

  it('run the keyword automaton alike in WebAssembly and in JavaScript, across its pieces', () => {
    const automaton = new KeywordAutomaton([['key', 'token'], ['ab'], ['x_y', 'abc-def-ghi'], ['q']]);
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = Buffer.from('abcdefghiKEYtokenq-_x\n é');
    const bytes = Uint8Array.from({ length: 700_000 }, () => alphabet[random(alphabet.length)]!);
    bytes.set(Buffer.from('abc-def-ghi'), (1 << 18) - 5); // across the first cut into pieces
    const collect = (scan: (hits: KeywordHits) => void) => {
      const hits = new KeywordHits();
      scan(hits);
      return [...hits.positions.subarray(0, hits.count)].flatMap((position, i) => [position, hits.states[i]!]);
    };
    // Keywords of more than 63 characters in all: the tables take wider classes.
    const printable = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
    const wide = new KeywordAutomaton([['key', 'token'], Array.from({ length: 47 }, (_, i) => printable.slice(2 * i, 2 * i + 2).toLowerCase())]);
    for (const keywords of [automaton, wide]) {
      expect(keywords.webAssembly).toBe(true);
      for (const [from, to] of [[0, bytes.length], [3, 40], [1000, 9000], [(1 << 18) - 20, (1 << 18) + 20], [12345, 654321]] as const) {
        const fast = collect((hits) => keywords.scanBytes(bytes, from, to, hits));
        expect(fast, `${from}–${to}`).toEqual(collect((hits) => keywords.scanInJs(bytes, from, to, hits)));
        expect(fast.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('a literal at a fixed distance into every match', () => {
  it('finds every match the pattern finds, in order', () => {
    const anchored = rule({ id: 'anchored', keywords: ['-us'], pattern: /(?<![\w-])(?<secret>[0-9a-f]{8}-us[0-9])(?![\w-])/i });
    const leading = rule({ id: 'leading', keywords: ['zq.'], pattern: /(?<![\w.-])(?<secret>zq\.[A-Za-z0-9]{8})(?![\w.-])/ });
    const line = 'a 0123abcd-us1 x-us2 0123ABCD-us3-us4 -us -us5 0f1e2d3c-us6,0000aaaa-us7 12345678-usX 9876fedc-us8 zq.Q7mK2pX9 zq.zq.R8vN3bJ6 x.zq.Q7mK2pX8 (zq.A1b2C3d4)';
    // A long line too: a leading literal is searched for first there.
    for (const text of [line, `${'a=1;'.repeat(300)} ${line}`]) {
      for (const r of [anchored, leading]) {
        const expected = [...text.matchAll(new RegExp(r.pattern.source, `${r.pattern.flags}g`))].map((m) => m.index + 1);
        expect(expected.length, r.id).toBeGreaterThan(1);
        expect(createMatcher([r]).scan(hunk(text)).map((match) => match.column), r.id).toEqual(expected);
      }
    }
  });
});

describe('this repository', () => {
  it('holds no contiguous secret in the generic rules’ source', () => {
    const path = new URL('../../src/scan/rules/generic.ts', import.meta.url);
    const lines = readFileSync(path, 'utf8')
      .split('\n')
      .map((text, index) => ({ file: 'src/scan/rules/generic.ts', line: index + 1, text }));
    expect(ALL.scan(lines).map((match) => `${match.line}: ${match.rule.id}`)).toEqual([]);
  });
});

describe('throughput', () => {
  /** Seeded lines of ordinary code (TypeScript, Python, YAML, JSON, comments) without a secret. */
  function ordinaryCode(megabytes: number): { lines: AddedLine[]; bytes: number } {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const words = [
      'user', 'order', 'item', 'config', 'request', 'response', 'value', 'index', 'count', 'result', 'handler', 'client',
      'cache', 'buffer', 'token', 'key', 'session', 'payload', 'name', 'data', 'list', 'error', 'message', 'path', 'file',
      'type', 'status', 'event', 'state', 'props', 'options', 'params', 'query', 'router', 'model', 'schema', 'record',
      'entry', 'node', 'parent', 'child', 'width', 'height', 'offset', 'limit', 'page', 'total', 'price', 'amount', 'date',
      'time', 'start', 'end', 'format', 'parse', 'render', 'update', 'create', 'delete', 'fetch',
    ];
    const word = () => words[random(words.length)]!;
    const templates: Array<() => string> = [
      () => `  const ${word()}${random(100)} = await this.${word()}Service.get${word()}(${word()}.id);`,
      () => `    if (${word()}.length > ${random(1000)} && !${word()}.isEmpty()) return ${word()};`,
      () => `  ${word()}: ${word()}.map((${word()}) => ${word()}.${word()}).filter(Boolean),`,
      () => `import { ${word()}, ${word()} } from '../${word()}/${word()}.js';`,
      () => `    logger.debug(\`${word()} ${word()} took \${Date.now() - start} ms\`, { ${word()} });`,
      () => `def ${word()}_${word()}(self, ${word()}: str, ${word()}: int = ${random(10)}) -> dict:`,
      () => `      - name: ${word()}-${word()}`,
      () => `        run: npm run ${word()} -- --${word()}=${random(99)}`,
      () => `  "${word()}": "${word()} ${word()} ${word()}",`,
      () => `// See https://docs.acme-corp.io/${word()}/${word()}#${word()} for the ${word()} API.`,
      () => `  const apiKey = process.env.API_KEY ?? '';`,
      () => `  headers: { Authorization: \`Bearer \${token}\` },`,
      () => `    password: string; // ${word()}`,
      () => `}`,
      () => ``,
    ];
    const texts: string[] = [];
    let bytes = 0;
    while (bytes < megabytes * 1024 * 1024) {
      const text = templates[random(templates.length)]!();
      texts.push(text);
      bytes += text.length + 1;
    }
    // As a diff's lines arrive: slices of one text, not strings built piece by piece.
    const lines = texts
      .join('\n')
      .split('\n')
      .map((text, index) => ({ file: 'src/big.ts', line: index + 1, text }));
    return { lines, bytes };
  }

  /** Scans in hunks of 500 lines; CPU time of this thread where Node tells it, so other processes do not count. */
  function measure(rules: readonly Rule[], lines: AddedLine[], bytes: number): { rate: number; findings: number } {
    const matcher = createMatcher(rules);
    const clock = () => (process.threadCpuUsage ? (({ user, system }) => (user + system) / 1000)(process.threadCpuUsage()) : performance.now());
    const started = clock();
    let findings = 0;
    for (let from = 0; from < lines.length; from += 500) findings += matcher.scan(lines.slice(from, from + 500)).length;
    return { rate: bytes / 1024 / 1024 / ((clock() - started) / 1000), findings };
  }

  it('scans ~20 MB of ordinary code without secrets', () => {
    const { lines, bytes } = ordinaryCode(20);
    const { rate, findings } = measure(RULES, lines, bytes);
    // Rules keyed on one or two letters ("ac", "sk") run on most lines: named, to be keyed better.
    const broad = RULES.filter((candidate) => candidate.keywords.some((keyword) => keyword.length < 3)).map((candidate) => candidate.id);
    console.log(
      `leak scan of ordinary code: ${RULES.length} rules, ${(bytes / 1024 / 1024).toFixed(1)} MB (${lines.length} lines): ${rate.toFixed(0)} MB/s` +
        (broad.length > 0 ? `\n  keywords under 3 characters: ${broad.join(', ')}` : ''),
    );
    expect(findings).toBe(0);
  });
});
