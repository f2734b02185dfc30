import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/scan/matcher.js';
import { hardNegative, isCode, isPlaceholder, isReference } from '../../src/scan/negatives.js';
import { nearMisses, prefixFamily, quietOnNearMisses, relax } from '../../src/scan/rules/near-miss.js';
import { RULES } from '../../src/scan/rules/index.js';
import type { AddedLine, Rule } from '../../src/scan/types.js';

// The hard negatives of issue 7 — what gitleaks users report as noise — in every place a value
// goes, through the whole rule set: none may come out as a finding.

const matcher = createMatcher(RULES);

function findings(text: string) {
  const lines: AddedLine[] = text.split('\n').map((line, index) => ({ file: 'example.txt', line: index + 1, text: line }));
  return matcher.scan(lines).map((match) => `${match.rule.id}: ${match.secret}`);
}

/** Where code and config put a value: the generic names, the vendors' names, headers, flags. */
const PLACES = [
  'API_KEY=%s',
  'ACME_API_KEY="%s"',
  '"apiKey": "%s",',
  "client.configure(api_key='%s')",
  'ACME_TOKEN=%s',
  '"access_token": "%s",',
  'auth_token = "%s"',
  'password: "%s"',
  'DB_PASSWORD=%s',
  "app.config['SECRET_KEY'] = '%s'",
  'client_secret: %s',
  'Authorization: Bearer %s',
  '//registry.npmjs.org/:_authToken=%s',
  'GITHUB_TOKEN=%s',
  'DD_API_KEY=%s',
  'TWILIO_AUTH_TOKEN=%s',
  'DISCORD_TOKEN=%s',
  'TELEGRAM_BOT_TOKEN=%s',
  'SLACK_TOKEN=%s',
  'STRIPE_SECRET_KEY=%s',
  'OPENAI_API_KEY=%s',
  'AZURE_CLIENT_SECRET=%s',
  'BWS_ACCESS_TOKEN=%s',
  '--token %s',
];

/**
 * The generic names alone: a UUID or 40 hex given to `_authToken=`, `Bearer`, `GITHUB_TOKEN=` may
 * well be a token (a legacy npm token is a UUID, a legacy GitHub token 40 hex).
 */
const GENERIC_PLACES = PLACES.filter((place) => !/Bearer|_authToken|GITHUB_TOKEN|--token/.test(place));

/** Values that are never a leak, whatever they are given to (UUIDs and git SHAs: to a generic name). */
const VALUES: Record<string, string[]> = {
  'lockfile integrity hashes': [
    'sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8rZnJlZHh5enp5UGx1Z2h0aGVyZTEyMzQ1Njc4OTA=',
    'sha1-2Zq2hRkqtAXiVrXzpBb5LqNnT0w=',
    'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  ],
  UUIDs: ['7f1c8a7e-3b5d-4e2a-9c1f-6b8d2e4a0c3f', 'C56A4180-65AA-42EC-A945-5FD21DEC0538', '{edef624a-b461-4ead-9543-c55a23f50bf3}'],
  'git SHAs': ['3f786850e387550fdab836ed7e6dc881de23001b', 'e83c5163316f89bfbde7d9ab23ca2e25604af290'],
  'base64 images': [
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  ],
  'GitHub Actions expressions': ['${{ secrets.ACME_TOKEN }}', '${{secrets.API_KEY}}', '${{ env.DEPLOY_TOKEN }}'],
  'environment lookups': ['process.env.ACME_TOKEN', 'process.env["API_KEY"]', 'os.environ["ACME_TOKEN"]', "os.environ.get('API_KEY')", 'os.getenv("SECRET_KEY")', 'ENV["ACME_TOKEN"]', 'System.getenv("API_KEY")'],
  placeholders: [
    '<YOUR_TOKEN>',
    '<your-api-key>',
    'YOUR_API_KEY_HERE',
    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'XXXX-XXXX-XXXX-XXXX',
    'changeme',
    'change-me-please-0000',
    'CHANGEME_secret_1234',
    '${ACME_TOKEN}',
    '$ACME_TOKEN',
    '{{ .Values.apiKey }}',
  ],
};

describe('hard negatives of the issue, in every place a value goes', () => {
  for (const [kind, values] of Object.entries(VALUES)) {
    it(kind, () => {
      const places = kind === 'UUIDs' || kind === 'git SHAs' ? GENERIC_PLACES : PLACES;
      const found = values.flatMap((value) => places.flatMap((place) => findings(place.replace('%s', value)).map((finding) => `${place} → ${finding}`)));
      expect(found).toEqual([]);
    });
  }

  it('lockfile lines', () => {
    const lines = [
      '      "integrity": "sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8rZnJlZHh5enp5UGx1Z2h0aGVyZTEyMzQ1Njc4OTA=",',
      '  integrity sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8rZnJlZHh5enp5UGx1Z2h0aGVyZTEyMzQ1Njc4OTA=',
      '  resolved "https://registry.yarnpkg.com/token-types/-/token-types-5.0.1.tgz#aa9d9e6b04fbb1baad56e84a3d1e6adfc9ce9fc0"',
      '"node_modules/js-tokens": { "version": "4.0.0", "resolved": "https://registry.npmjs.org/js-tokens/-/js-tokens-4.0.0.tgz", "integrity": "sha512-RdJUflcE3cUzKiMqQgsCu06FPu9UdIJO0beYbPhHN4k6apgJtifcoCtT9bcxOpYBtpD2kCM6Sbzg4CausW/PKQ==" }',
      'checksum: 3f786850e387550fdab836ed7e6dc881de23001b4f5c8e2b0a9d1c7e6f3b2a190d8c7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7',
    ];
    expect(lines.flatMap(findings)).toEqual([]);
  });

  it('base64 images in markup and styles', () => {
    const image = 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGXRFWHRTb2Z0d2FyZQBBZG9iZSBJbWFnZVJlYWR5ccllPAAAAVBJREFUeNqMkz1LA0EQhndyiUQhQbRQsLBQsLERrOwsLG3';
    const lines = [
      `<img alt="token" src="data:image/png;base64,${image}">`,
      `.icon-key { background: url(data:image/png;base64,${image}); }`,
      `  "secretIcon": "data:image/png;base64,${image}",`,
    ];
    expect(lines.flatMap(findings)).toEqual([]);
  });

  it('minified code', () => {
    const minified =
      'var e=require("./token"),t={apiKey:n.apiKey,accessToken:r.accessToken||"",password:i.password};function o(e){return e.secretKey?e.secretKey:t.apiKey}' +
      'const a=e=>e.token,s={bearer:"Bearer ",authToken:o(t)},c=function(e,t){var n=t.clientSecret||e.clientSecret;return{token:n,key:e.key}};' +
      'x.prototype.getToken=function(){return this.token||(this.token=this.tokenizer.next())};';
    const lines = [minified, minified.repeat(30)];
    expect(lines.flatMap(findings)).toEqual([]);
  });

  it('identifiers and member paths where a value would be', () => {
    const lines = [
      'apiKey: this.options?.apiKey2 ?? "",',
      'const accessToken = await getAccessTokenSilently();',
      'token: tokenizer.nextToken(),',
      'password = PasswordField(required=True)',
      'client_secret: settings.OAUTH_CLIENT_SECRET,',
      'self.api_key = api_key or os.environ.get("ACME_API_KEY")',
    ];
    expect(lines.flatMap(findings)).toEqual([]);
  });
});

describe('hardNegative', () => {
  it('names each kind', () => {
    expect(hardNegative('${{ secrets.X }}')).toBe('reference');
    expect(hardNegative('sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5')).toBe('integrity-hash');
    expect(hardNegative('data:image/png;base64,iVBORw0KGgo')).toBe('data-uri');
    expect(hardNegative('<YOUR_TOKEN>')).toBe('placeholder');
    expect(hardNegative('7f1c8a7e-3b5d-4e2a-9c1f-6b8d2e4a0c3f', true)).toBe('uuid');
    expect(hardNegative('3f786850e387550fdab836ed7e6dc881de23001b', true)).toBe('git-sha');
    expect(hardNegative('7f1c8a7e-3b5d-4e2a-9c1f-6b8d2e4a0c3f')).toBeUndefined(); // a vendor's token may be a UUID
  });

  it('placeholders: filler, hex-speak, repeated characters', () => {
    for (const value of ['xxxx', 'changeme', '<YOUR_TOKEN>', 'sk_live_deadbeefdeadbeefdeadbeef', 'cafebabe:deadbeef', 'your_api_key_here', '••••••••']) {
      expect(isPlaceholder(value), value).toBe(true);
    }
    for (const value of ['Vq7#nR2xLw9!pZ4k', '2agzLWNazv2QKJd7l4c8fqQqjVGhfHUY']) expect(isPlaceholder(value), value).toBe(false);
  });

  it('references', () => {
    for (const value of ['process.env.X', 'os.environ["X"]', "os.environ.get('X')", '${VAR}', '$VAR', '{{ .Values.x }}', 'op://vault/item/field']) {
      expect(isReference(value), value).toBe(true);
    }
  });

  it('generic rules only: a run of one character, a public key, code', () => {
    expect(hardNegative('ErRUtZ5u65rBBBBBBBBBB3KJAK9VQYTD', true)).toBe('not-a-secret');
    expect(hardNegative('ErRUtZ5u65rBBBBBBBBBB3KJAK9VQYTD')).toBeUndefined();
    expect(hardNegative('SB-Mid-client-qEw0V1QkdSdMce0A7fi4mB5l', true)).toBe('not-a-secret');
    expect(hardNegative('link-sandbox-15f0b387-3ae6-4a1f-aa52-300cf9ff7250', true)).toBe('not-a-secret');
    expect(isCode('matchResult?.pass')).toBe(true);
    expect(isCode('Welcome123')).toBe(false);
  });
});

describe('near misses', () => {
  const rule = (over: Partial<Rule> & Pick<Rule, 'id' | 'keywords' | 'pattern'>): Rule => ({
    description: '',
    examples: { positive: [], negative: [] },
    ...over,
  });

  it('relax opens counted quantifiers and plain-names groups', () => {
    expect(relax('(?<secret>ab[0-9]{32})(?:x{0,3})')).toBe('(?:ab[0-9]+)(?:x*)');
    expect(relax('[a-z]{2}', 'keep')).toBe('[a-z]{2}');
    expect(relax('[0-9a-f]{32}x{0,4}y{8,}', 'quarter')).toBe('[0-9a-f]{24,41}x{0,6}y{6,}');
    expect(relax('(?<u>a)\\k<u>')).toBeUndefined();
    expect(relax('a\\nb')).toBeUndefined();
    expect(relax('[^\\n]{0,9}')).toBe('[^\\n]*');
  });

  it('a prefix family relaxes the variable letter', () => {
    expect(prefixFamily('\\bsq[upa]_[0-9a-f]{40}', false)?.test('sqx_b9da')).toBe(true);
    expect(prefixFamily('(?<![\\w-])cf(?:ut|at)_[A-Za-z0-9]{40}', false)?.test('cfzz_abc')).toBe(true);
    expect(prefixFamily('\\b(?:live|test)_[a-f0-9]{35}', false)).toBeUndefined(); // no letters of the vendor's own
    expect(prefixFamily('\\bghp_[A-Za-z0-9]{36}', false)).toBeUndefined(); // nothing variable: the prefix itself says it
  });

  it('by value: prefix, stem, infix, short infix where it stands, plain-word prefix in the shape', () => {
    const misses = nearMisses([
      rule({ id: 'a', keywords: ['acme_live_'], pattern: /\bacme_live_[A-Za-z0-9]{30}\b/, examples: { positive: ['K=acme_live_' + 'Ab1'.repeat(10)], negative: [] } }),
      rule({ id: 'b', keywords: ['t3blbkfj'], pattern: /\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/, examples: { positive: [`K=sk-${'a1'.repeat(10)}T3BlbkFJ${'b2'.repeat(10)}`], negative: [] } }),
      rule({ id: 'c', keywords: ['msh'], pattern: /\b[0-9a-f]{10}msh[0-9a-f]{15}\b/, examples: { positive: [`K=${'0123456789'}msh${'a'.repeat(15)}`], negative: [] } }),
      rule({ id: 'd', keywords: ['live_'], pattern: /\blive_[a-f0-9]{35}\b/, examples: { positive: [`K=live_${'a1'.repeat(17)}b`], negative: [] } }),
    ]);
    expect(misses.byValue('acme_live_short')).toBe(true);
    expect(misses.byValue('acme_prod_Ab1Ab1Ab1Ab1')).toBe(true); // the stem
    expect(misses.byValue('xyzacme_live_Ab1Ab1Ab1')).toBe(true); // a long prefix anywhere
    expect(misses.byValue('sk-short12T3BlbkFJrest')).toBe(true);
    expect(misses.byValue('9f875f3442msh29a5c47')).toBe(true);
    expect(misses.byValue('9f875f34msh29a5c47abc')).toBe(false); // not where the vendor puts it
    expect(misses.byValue('live_70cdf26a3f95a08ec8e02581bdf76e88')).toBe(true); // live_ + hex: the shape, any length
    expect(misses.byValue('live_w5EDA19eJGuvCCbzX03DkaC4K8K')).toBe(false); // live_ + other letters: another vendor's
    expect(misses.byValue('Zr8Kq3Wm7Xp2Ln9T4vB6nM1c')).toBe(false);
  });

  it('by name: a vendor rule that finds a bare value by its name recognises the name', () => {
    const misses = nearMisses([
      rule({ id: 'dd', keywords: ['acmedog'], pattern: /acmedog[_.-]?api[_.-]?key\s{0,3}=\s{0,3}(?<secret>[0-9a-f]{32})(?![\w-])/i, examples: { positive: [], negative: [] } }),
    ]);
    // A quiet rule whose value runs to its end checks the line up to the secret's end (quietAfter).
    const quiet = quietOnNearMisses(rule({ id: 'generic-x', keywords: ['key'], pattern: /=(?<secret>\S+)(?!\S)/i, examples: { positive: [], negative: [] } }), misses);
    const stays = (line: string) => quiet.quietAfter?.(line) === true;
    expect(stays('ACMEDOG_API_KEY=DF70FEB0626AE97AF132EA5C7421EC6D')).toBe(true); // the vendor's, in upper case
    expect(stays('ACMEDOG_API_KEY=df70feb0626ae97af132ea5c7421ec6d0')).toBe(true); // one too long
    expect(stays('ACMEDOG_API_KEY=Zr8Kq3Wm7Xp2Ln9T4vB6nM1c')).toBe(false); // not hex: not the vendor's shape
    expect(stays('ACMEDOG_API_KEY=df70feb0626ae97a')).toBe(false); // half the length: something else
    expect(stays('OTHER_API_KEY=df70feb0626ae97af132ea5c7421ec6d')).toBe(false);
  });
});
