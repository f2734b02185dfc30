import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/providers/registry.js';
import { PROVIDER_RULES } from '../../src/scan/rules/providers.js';
import type { Rule } from '../../src/scan/types.js';

/** The generic providers: their kinds are the generic rules'. */
const GENERIC = new Set(['http', 'oauth2', 'oidc', 'jwt']);

/**
 * Rules whose secret is a credential part outside its provider's `formats` (those list only the
 * shapes recognizable alone): the shape each must have instead.
 */
const OUTSIDE_FORMATS: Record<string, RegExp> = {
  'aws-secret-access-key': /^[A-Za-z0-9/+]{40}$/,
  'cloudflare-api-token-legacy': /^[A-Za-z0-9_-]{40}$/,
  'cloudflare-global-api-key-legacy': /^[0-9a-f]{37}$/,
  'datadog-api-key': /^[0-9a-f]{32}$/,
  'datadog-app-key-legacy': /^[0-9a-f]{40}$/,
  'google-service-account-private-key': /^-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=\\n]+-----END PRIVATE KEY-----(?:\\n)?$/,
  'heroku-api-key-legacy': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  'pagerduty-api-key': /^[A-Za-z0-9_+-]{20}$/,
  'sentry-auth-token-legacy': /^[0-9a-f]{64}$/,
  'twilio-auth-token': /^[0-9a-f]{32}$/,
  'vercel-token-legacy': /^[A-Za-z0-9]{24}$/,
};

interface Finding {
  rule: Rule;
  secret: string;
  /** The whole match. */
  match: string;
  column: number;
  parts: Record<string, string>;
}

function shannon(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Rules whose `validate` holds a checksum or a structure of the secret. */
const CHECKED = [
  'atlassian-api-token',
  'bitbucket-app-password',
  'bitbucket-access-token',
  'discord-bot-token',
  'github-pat',
  'github-oauth-token',
  'github-user-token',
  'github-installation-token',
  'github-refresh-token',
  'gitlab-pat-routable',
  'npm-access-token',
  'sentry-org-token',
];

/** What a rule finds on a line, as the scan does: keywords first, then the pattern, entropy and validate. */
function findings(rule: Rule, text: string, gates: { entropy?: boolean; validate?: boolean } = { entropy: true, validate: true }): Finding[] {
  const lower = text.toLowerCase();
  if (!rule.keywords.some((keyword) => lower.includes(keyword))) return [];
  const out: Finding[] = [];
  for (const m of text.matchAll(new RegExp(rule.pattern.source, `${rule.pattern.flags}dg`))) {
    const secret = m.groups?.secret ?? m[0];
    if (gates.entropy && rule.entropy !== undefined && shannon(secret) < rule.entropy) continue;
    if (gates.validate && rule.validate && !rule.validate(secret)) continue;
    const parts: Record<string, string> = {};
    for (const [part, group] of Object.entries(rule.parts ?? {})) {
      const value = m.groups?.[group];
      if (value !== undefined) parts[part] = value;
    }
    const start = m.indices?.groups?.secret?.[0] ?? m.index;
    out.push({ rule, secret, match: m[0], column: start + 1, parts });
  }
  return out;
}

const everything = (text: string) => PROVIDER_RULES.flatMap((rule) => findings(rule, text));
const providerOf = (id: string) => PROVIDERS.find((provider) => provider.id === id)!;
const groupsOf = (pattern: RegExp) => [...pattern.source.matchAll(/\(\?<([A-Za-z]\w*)>/g)].map((m) => m[1]!);

describe('provider rules: shape', () => {
  it('has unique kebab-case ids, prefixed with their vendor', () => {
    const ids = PROVIDER_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of PROVIDER_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.id.startsWith(rule.provider!.split('-')[0]!)).toBe(true);
    }
  });

  it.each(PROVIDER_RULES.map((rule) => [rule.id, rule] as const))('%s is well formed', (_id, rule) => {
    expect(rule.provider, 'a provider rule names its provider').toBeDefined();
    const provider = providerOf(rule.provider!);
    expect(provider, `provider ${rule.provider} exists`).toBeDefined();
    expect(GENERIC.has(provider.id)).toBe(false);
    expect(rule.description.trim()).not.toBe('');
    expect(rule.keywords.length).toBeGreaterThan(0);
    for (const keyword of rule.keywords) expect(keyword).toBe(keyword.toLowerCase());
    expect(rule.pattern.flags).not.toMatch(/[gy]/);
    const groups = groupsOf(rule.pattern);
    expect(groups).toContain('secret');
    for (const [part, group] of Object.entries(rule.parts ?? {})) {
      expect(provider.fields.map((field) => field.id), `${part} is a part of ${provider.id}`).toContain(part);
      expect(groups).toContain(group);
    }
    expect(rule.examples.positive.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.negative.length).toBeGreaterThanOrEqual(2);
  });
});

describe('provider rules: examples', () => {
  it.each(PROVIDER_RULES.map((rule) => [rule.id, rule] as const))('%s finds exactly one secret in each positive line, none in the negatives', (_id, rule) => {
    for (const line of rule.examples.positive) {
      const found = findings(rule, line);
      expect(found, line).toHaveLength(1);
      const [finding] = found;
      expect(rule.keywords.some((keyword) => finding!.match.toLowerCase().includes(keyword)), `a keyword is in the match of ${line}`).toBe(true);
      expect(line.slice(finding!.column - 1).startsWith(finding!.secret)).toBe(true);
    }
    for (const line of rule.examples.negative) expect(findings(rule, line), line).toEqual([]);
  });

  it.each(PROVIDER_RULES.map((rule) => [rule.id, rule] as const))("%s: each secret it finds has a shape of its provider's", (_id, rule) => {
    const formats = OUTSIDE_FORMATS[rule.id] ? [OUTSIDE_FORMATS[rule.id]!] : (providerOf(rule.provider!).formats ?? []);
    for (const line of rule.examples.positive) {
      const [finding] = findings(rule, line);
      expect(
        formats.some((format) => format.test(finding!.secret)),
        `${finding!.secret} matches a format of ${rule.provider}`,
      ).toBe(true);
    }
  });

  it('names only existing rules among those outside the formats and the checked ones', () => {
    const ids = new Set(PROVIDER_RULES.map((rule) => rule.id));
    for (const id of [...Object.keys(OUTSIDE_FORMATS), ...CHECKED]) expect(ids.has(id), id).toBe(true);
  });

  it('covers every provider but the generic ones, and every format of each', () => {
    for (const provider of PROVIDERS.filter((p) => !GENERIC.has(p.id))) {
      const rules = PROVIDER_RULES.filter((rule) => rule.provider === provider.id);
      expect(rules.length, `rules for ${provider.id}`).toBeGreaterThan(0);
      const secrets = rules.flatMap((rule) => rule.examples.positive.flatMap((line) => findings(rule, line).map((f) => f.secret)));
      for (const format of provider.formats ?? []) {
        expect(secrets.some((secret) => format.test(secret)), `${provider.id} format ${format.source} is found`).toBe(true);
      }
    }
  });

  it('rules that capture more parts capture each in at least one positive example', () => {
    for (const rule of PROVIDER_RULES.filter((r) => r.parts)) {
      for (const [part, group] of Object.entries(rule.parts!)) {
        if (group === 'secret') continue;
        const captured = rule.examples.positive.some((line) => findings(rule, line)[0]?.parts[part] !== undefined);
        expect(captured, `${rule.id} captures ${part}`).toBe(true);
      }
    }
  });

  it.each(CHECKED)('%s has a negative that has the shape but fails its check', (id) => {
    const rule = PROVIDER_RULES.find((r) => r.id === id)!;
    const shapedButInvalid = rule.examples.negative.filter((line) => findings(rule, line, { entropy: true }).length > 0);
    expect(shapedButInvalid.length, `${id} has a negative rejected by validate only`).toBeGreaterThan(0);
  });

  it('no other provider rule fires on a positive line', () => {
    for (const rule of PROVIDER_RULES) {
      for (const line of rule.examples.positive) {
        expect(
          everything(line).map((f) => f.rule.id),
          line,
        ).toEqual([rule.id]);
      }
    }
  });
});

describe('provider rules: precision', () => {
  const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
  const SHA256 = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';
  const MD5 = '5d41402abc4b2a76b9719d911017c592';
  const lines = [
    SHA,
    `commit ${SHA}`,
    `GITHUB_SHA=${SHA}`,
    `  ref: ${SHA}`,
    `"sha": "${SHA}",`,
    `git checkout ${SHA}`,
    `https://github.com/acme/app/commit/${SHA}`,
    `uses: actions/checkout@${SHA} # v4.2.2`,
    `"integrity": "sha512-${SHA256}"`,
    `sha256: ${SHA256}`,
    `checksum = "${SHA256}"`,
    `etag: "${MD5}"`,
    `"hash": "${MD5}",`,
    `const uuid = 'f7e740cc-4f59-a298-4fb9-a2b07bbcdaa0';`,
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'U+1F600 GRINNING FACE',
  ];

  it('drops made-up samples: EXAMPLE tokens, alphabet and digit runs', () => {
    const samples = [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      "const classic = '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';",
      "token: 'dckr_pat_EXAMPLEexampleEXAMPLE012345'",
      'STRIPE_SECRET_KEY=sk_live_abcdefghijklmnopqrstuvwxyz0123',
      'SLACK_BOT_TOKEN=xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    ];
    for (const line of samples) expect(everything(line), line).toEqual([]);
  });

  it('never matches a git SHA, a digest or a UUID alone', () => {
    for (const line of lines) expect(everything(line), line).toEqual([]);
  });

  it('runs in linear time on long adversarial lines', () => {
    const adversarial = [
      'a'.repeat(20_000),
      'A1'.repeat(10_000),
      '0123456789abcdef'.repeat(1_250),
      'ghp_'.repeat(5_000),
      'datadog_api_key='.repeat(1_250),
      'sk_live_'.repeat(2_500),
      `x@example.com:${'ATATT3'.repeat(3_000)}`,
      `AKIA${'A'.repeat(20_000)}`,
      'secret '.repeat(3_000),
      `${'{"type": "service_account", '.repeat(700)}`,
      `${'mailgun key-'.repeat(1_500)}`,
      `${'MT'.repeat(10_000)}`,
    ];
    const started = performance.now();
    for (const line of adversarial) everything(line);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
