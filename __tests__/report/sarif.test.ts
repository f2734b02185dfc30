import { describe, expect, it } from 'vitest';
import { sarifText, toSarif } from '../../src/report/sarif.js';
import type { Finding } from '../../src/run/result.js';
import { RULES } from '../../src/scan/rules/index.js';
import { CONFIGURED_SECRET, CONFIGURED_SECRET_DESCRIPTION } from '../../src/scan/scan.js';
import { VERSION } from '../../src/version.js';

/** A secret value that must never reach the SARIF file. */
const SECRET = 'ghp_SENTINELsecretVALUE0123456789abcdefXYZ';
const REDACTED = 'ghp_SE…';

function finding(overrides: Partial<Finding> = {}): Finding {
  const verification = overrides.verification ?? 'unverified';
  return {
    rule: 'github-fine-grained-pat', provider: 'github', file: 'src/app.ts', line: 12, column: 17,
    fingerprint: 'github-fine-grained-pat:src/app.ts:3f9a0c1d2e4b', verification,
    severity: verification === 'inactive' ? 'warning' : 'error', redacted: REDACTED, ...overrides,
  };
}

/** A finding as the scanner holds it, with the secret beside it: the SARIF must not pick it up. */
const withSecret = (f: Finding): Finding => ({ ...f, secret: SECRET, match: SECRET, value: SECRET } as Finding);

type Sarif = ReturnType<typeof toSarif>;
/** Through JSON, as code scanning reads it. */
const parse = (findings: Finding[]) => JSON.parse(sarifText(findings)) as Sarif;

const describeRule = (id: string) => RULES.find((rule) => rule.id === id)!.description;

describe('toSarif', () => {
  it('is SARIF 2.1.0 with one run of token-preflight', () => {
    const sarif = parse([]);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    expect(sarif.runs[0]!.tool.driver).toMatchObject({ name: 'token-preflight', version: VERSION, rules: [] });
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(sarifText([]).endsWith('}\n')).toBe(true);
  });

  it('has one rule per distinct rule id, sorted, each described, with help, security severity and tags', () => {
    const sarif = parse([
      finding({ rule: 'github-legacy-token' }),
      finding({ rule: CONFIGURED_SECRET, token: 'deploy', redacted: '…' }),
      finding({ rule: 'github-fine-grained-pat' }),
      finding({ rule: 'github-legacy-token', line: 40 }),
      finding({ rule: 'jwt' }),
    ]);
    const rules = sarif.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([CONFIGURED_SECRET, 'github-fine-grained-pat', 'github-legacy-token', 'jwt']);
    for (const rule of rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toContain(rule.shortDescription.text);
      expect(rule.help.text).toMatch(/Revoke or rotate/);
      expect(rule.help.markdown).toContain('`.token-preflight-ignore`');
      expect(rule.help.markdown).toContain('`token-preflight:allow`');
      expect(rule.defaultConfiguration.level).toBe('error');
      expect(rule.properties['security-severity']).toBe('9.0');
      expect(rule.properties.tags).toEqual(expect.arrayContaining(['security', 'secret', 'external/cwe/cwe-798']));
      expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
    expect(rules[0]!.shortDescription.text).toBe(CONFIGURED_SECRET_DESCRIPTION);
    expect(rules[0]!.name).toBe('ConfiguredSecret');
    expect(rules[1]!.shortDescription.text).toBe(describeRule('github-fine-grained-pat'));
    expect(rules[1]!.name).toBe('GithubFineGrainedPat');
    expect(rules[3]!.shortDescription.text).toBe(describeRule('jwt'));
  });

  it('an unknown rule id is described by its id', () => {
    const [rule] = parse([finding({ rule: 'no-such-rule' })]).runs[0]!.tool.driver.rules;
    expect(rule!.shortDescription.text).toBe('no-such-rule');
  });

  it('each result points to its rule by index, at its file, line and column, with its fingerprint and verification', () => {
    const findings = [
      finding({ rule: 'jwt', file: 'a/b.ts', line: 3, column: 5, fingerprint: 'jwt:a/b.ts:111111111111' }),
      finding({ rule: 'github-legacy-token', verification: 'inactive', verificationReason: '401', line: 9, column: 1, fingerprint: 'github-legacy-token:src/app.ts:222222222222' }),
      finding({ rule: 'github-fine-grained-pat', verification: 'live', identity: 'octocat' }),
    ];
    const sarif = parse(findings);
    const { rules } = sarif.runs[0]!.tool.driver;
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(3);
    results.forEach((result, i) => {
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.ruleId).toBe(findings[i]!.rule);
      expect(result.level).toBe(findings[i]!.severity);
      expect(result.locations[0]!.physicalLocation.region).toEqual({ startLine: findings[i]!.line, startColumn: findings[i]!.column });
      expect(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(result.partialFingerprints).toEqual({ 'tokenPreflight/v1': findings[i]!.fingerprint });
      expect(result.properties.verification).toBe(findings[i]!.verification);
    });
    expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'error']);
    expect(results[1]!.properties).toEqual({ verification: 'inactive', verificationReason: '401' });
    expect(results[2]!.properties).toEqual({ verification: 'live' });
    expect(results[2]!.message.text).toContain('LIVE: its provider accepts it (octocat)');
    expect(results[1]!.message.text).toContain('inactive: its provider refuses it');
    expect(results[0]!.message.text).toContain('Fingerprint jwt:a/b.ts:111111111111.');
  });

  it.each([
    { file: 'src/app.ts', uri: 'src/app.ts' },
    { file: 'docs/my file#1?.md', uri: 'docs/my%20file%231%3F.md' },
    { file: 'dir with space/100%.txt', uri: 'dir%20with%20space/100%25.txt' },
    { file: 'ドキュメント/設定.yml', uri: `${encodeURIComponent('ドキュメント')}/${encodeURIComponent('設定.yml')}` },
  ])('uri of $file is percent-encoded per path segment', ({ file, uri }) => {
    const [result] = parse([finding({ file })]).runs[0]!.results;
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(uri);
    expect(decodeURIComponent(uri)).toBe(file);
  });

  it('a configured secret is named by its token, not its value', () => {
    const [result] = parse([withSecret(finding({ rule: CONFIGURED_SECRET, token: 'deploy-key', redacted: '…' }))]).runs[0]!.results;
    expect(result!.message.text).toBe(`Hard-coded secret: the value of configured token deploy-key; unverified. Fingerprint github-fine-grained-pat:src/app.ts:3f9a0c1d2e4b.`);
  });

  it.each([
    { verification: 'live' as const },
    { verification: 'unverified' as const },
    { verification: 'inactive' as const },
  ])('no secret value anywhere: only the redacted preview ($verification)', ({ verification }) => {
    const text = sarifText([withSecret(finding({ verification, verificationReason: 'verification off', identity: 'octocat' }))]);
    expect(text).not.toContain(SECRET);
    expect(text).toContain(REDACTED);
    // Nothing of the secret longer than its preview.
    expect(text).not.toContain(SECRET.slice(0, REDACTED.length));
    expect(text).not.toMatch(/"(secret|match|value)":/);
  });
});
