import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { sarifText, toSarif } from '../../src/report/sarif.js';
import type { Finding } from '../../src/run/result.js';
import { CONFIGURED_SECRET } from '../../src/scan/scan.js';

/**
 * The official SARIF 2.1.0 (rtm.5) JSON Schema, vendored (see __tests__/fixtures/README.md). It is
 * draft-04, and Ajv 8 speaks draft-06 and later only (draft-04 needs the ajv-draft-04 package, which
 * is not a dependency): `fromDraft04` rewrites the few draft-04 keywords to their later spelling.
 */
const SCHEMA_FILE = new URL('../fixtures/sarif-2.1.0-rtm.5.json', import.meta.url);
const draft04 = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

/** Keywords whose value is a map of names to schemas: their keys are names, not keywords. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
/** Keywords whose value is a schema or an array of schemas. */
const SCHEMA_VALUES = new Set(['items', 'additionalItems', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf']);

/**
 * A draft-04 schema in draft-07 terms: `id` → `$id`, no `$schema` (Ajv would look for the draft-04
 * meta-schema), boolean `exclusiveMinimum`/`exclusiveMaximum` → the number they qualify. Only schema
 * positions are rewritten: a property named `id` or `$schema` (SARIF has both) stays as it is.
 */
function fromDraft04(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(fromDraft04);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$schema') continue;
    if (key === 'id' && typeof value === 'string') out.$id = value;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, Array.isArray(sub) ? sub : fromDraft04(sub)]));
    } else if (SCHEMA_VALUES.has(key)) out[key] = typeof value === 'boolean' ? value : fromDraft04(value);
    else out[key] = value;
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    if (out[flag] && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    } else delete out[flag];
  }
  return out;
}

// strict: false, as the schema has keywords Ajv's strict mode refuses (`default`s beside `$ref`,
// unknown-format annotations). validateFormats: false, as Ajv 8 ships no formats (`uri`,
// `uri-reference`, `date-time` need the ajv-formats package, not a dependency): URIs are checked
// by hand below. unicodeRegExp: false, as the schema's `language` pattern
// `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` has a stray `]` that a /u regular expression refuses.
const ajv = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false, allErrors: true });
const validate = ajv.compile(fromDraft04(draft04) as Record<string, unknown>);

/** The schema's complaints about a document, readable in a failed expectation; [] when it is valid. */
function violations(document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'github-fine-grained-pat', provider: 'github', file: 'src/app.ts', line: 12, column: 17,
    fingerprint: 'github-fine-grained-pat:src/app.ts:3f9a0c1d2e4b', verification: 'unverified', verificationReason: 'verification off',
    severity: 'error', redacted: 'github_pat_11…', ...overrides,
  };
}

const FILE_WITH_SPACES = 'docs/my notes/café – ünïcode (draft) #1.md';

const SEVERAL: Finding[] = [
  finding({ verification: 'live', verificationReason: undefined, identity: 'octocat', scopes: ['repo', 'admin:org'] }),
  finding({ rule: 'github-legacy-token', verification: 'inactive', severity: 'warning', verificationReason: 'bad credentials', file: 'config/ci.yml', line: 1, column: 1 }),
  finding({ rule: 'jwt', provider: undefined, verification: 'unverified', verificationReason: 'no verifier for this kind of secret', file: FILE_WITH_SPACES, line: 4_000, column: 233 }),
  finding({ rule: CONFIGURED_SECRET, provider: 'github', token: 'deployer', redacted: '…', file: '.env.example', line: 3, column: 14, fingerprint: 'configured-secret:.env.example:0a1b2c3d4e5f' }),
  finding({ rule: 'generic-api-key', provider: undefined, verificationReason: undefined, file: 'src/naïve/файл.ts', line: 2, column: 9 }),
];

/** Through JSON, as code scanning reads the file. */
const parse = (findings: readonly Finding[]) => JSON.parse(sarifText(findings)) as ReturnType<typeof toSarif>;

describe('the vendored SARIF 2.1.0 schema, as loaded', () => {
  it('is the SARIF 2.1.0 schema, and the validator does reject what it must (it is not vacuous)', () => {
    expect(draft04.title).toMatch(/SARIF\) Version 2\.1\.0/);
    const good = parse(SEVERAL);
    expect(violations(good)).toEqual([]);
    const broken = (edit: (doc: ReturnType<typeof parse>) => void) => {
      const doc = parse(SEVERAL);
      edit(doc);
      return violations(doc);
    };
    expect(broken((doc) => { doc.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0; })).not.toEqual([]);
    expect(broken((doc) => { (doc as { version: string }).version = '2.0.0'; })).not.toEqual([]);
    expect(broken((doc) => { Object.assign(doc.runs[0]!.results[0]!, { secretValue: 'x' }); })).not.toEqual([]);
    expect(broken((doc) => { (doc.runs[0]!.results[0]! as { level: string }).level = 'critical'; })).not.toEqual([]);
    expect(broken((doc) => { delete (doc.runs[0]!.tool.driver.rules[0] as { id?: string }).id; })).not.toEqual([]);
  });
});

describe('toSarif is valid SARIF 2.1.0', () => {
  it('with no findings', () => {
    expect(violations(parse([]))).toEqual([]);
    expect(violations(toSarif([]))).toEqual([]);
  });

  it('with live, inactive and unverified findings, a configured secret, non-ASCII paths with spaces', () => {
    expect(violations(parse(SEVERAL))).toEqual([]);
  });

  it.each(SEVERAL.map((f) => [`${f.rule} (${f.verification}) at ${f.file}`, f] as const))('with one finding: %s', (_, f) => {
    expect(violations(parse([f]))).toEqual([]);
  });
});

describe('toSarif has what GitHub code scanning needs', () => {
  const sarif = parse(SEVERAL);
  const run = sarif.runs[0]!;
  const rules = run.tool.driver.rules;

  it('every rule has help text and a numeric security severity', () => {
    expect(rules.length).toBe(new Set(SEVERAL.map((f) => f.rule)).size);
    for (const rule of rules) {
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      const severity = rule.properties['security-severity'];
      expect(typeof severity).toBe('string');
      expect(Number(severity)).toBeGreaterThan(0);
      expect(Number(severity)).toBeLessThanOrEqual(10);
      expect(rule.properties.tags).toContain('security');
    }
  });

  it('every result has partialFingerprints, its rule, and a location with startLine ≥ 1', () => {
    expect(run.results).toHaveLength(SEVERAL.length);
    run.results.forEach((result, i) => {
      const f = SEVERAL[i]!;
      expect(Object.keys(result.partialFingerprints).length).toBeGreaterThan(0);
      expect(Object.values(result.partialFingerprints)).toEqual([f.fingerprint]);
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(Number.isInteger(region.startLine) && region.startLine >= 1).toBe(true);
      expect(region).toEqual({ startLine: f.line, startColumn: f.column });
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
    });
  });

  it('every uri is a relative URI reference: no spaces or raw non-ASCII, decoding back to the file', () => {
    run.results.forEach((result, i) => {
      const { uri } = result.locations[0]!.physicalLocation.artifactLocation;
      expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/);
      expect(uri.startsWith('/')).toBe(false);
      expect(decodeURIComponent(uri)).toBe(SEVERAL[i]!.file);
      expect(URL.canParse(uri, 'https://github.com/acme/widgets/blob/main/')).toBe(true);
    });
    const spaced = run.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri;
    expect(spaced).toBe('docs/my%20notes/caf%C3%A9%20%E2%80%93%20%C3%BCn%C3%AFcode%20(draft)%20%231.md');
  });
});
