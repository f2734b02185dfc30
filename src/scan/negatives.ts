/**
 * Hard negatives: candidates that look like secrets by shape but are not one — placeholders,
 * references to a secret kept elsewhere, hashes and encoded blobs. The matcher drops a candidate
 * whose secret is one of them, whatever rule found it; the `generic` ones (UUIDs, git SHAs, words,
 * identifiers, paths) only for the generic assignment rules, since a provider's token may well
 * have such a shape (a legacy npm token is a UUID, a Stripe test key says `test`).
 */

export type NegativeKind = 'placeholder' | 'reference' | 'integrity-hash' | 'data-uri' | 'uuid' | 'git-sha' | 'not-a-secret';

// ── placeholders ────────────────────────────────────────────────────────────────────────────────

/**
 * Words no real token contains (a random 40-character token holds one by chance ~1 in 25,000),
 * and hex-speak that fills docs and tests (`deadbeef`, `cafebabe`: ~1 in 10^8 in random hex).
 */
const PLACEHOLDER_TEXT =
  /your|[_-]here\b|chang(?:e[_-]?me|eit)|placeholder|redacted|example|dummy|sample|fake|not[_-]?real|insert[_-]?(?:key|token|secret|here)|replace[_-]?(?:me|with|this)|deadbeef|cafebabe|feedface|baadf00d|deadc0de|<[^<>]{1,80}>|\*{3,}|\.{3,}|…|•{3,}/i;

/** Whole values that say "a secret goes here". */
const PLACEHOLDER_VALUES = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'key', 'apikey', 'api_key', 'api-key', 'secret_key', 'access_token',
  'changeme', 'changeit', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'empty', 'default', 'required', 'optional',
  'todo', 'tbd', 'fixme', 'n/a', 'na', 'xxx', 'foo', 'bar', 'baz', 'foobar', 'test', 'testing', 'admin', 'root', 'guest',
  'user', 'username', 'string', 'value', 'mypassword', 'mysecret', 'mytoken', 'letmein', 'qwerty', 'welcome',
]);

/**
 * Values that specifications publish as examples and that libraries copy into their docs, tests and
 * code comments: OAuth 2.0's (RFC 6749: access token, refresh token, code, client secret, the Basic
 * credentials of client `s6BhdRkqt3`) and OAuth 1.0's (its appendix A and RFC 5849: consumer key
 * and secret, token and token secret).
 */
const PUBLISHED_SAMPLES = new Set([
  '2YotnFZFEjr1zCsicMWpAA', 'tGzv3JOkF0XG5Qx2TlKWIA', 'SplxlOBeZQQYbYS6WxSbIA', '7Fjfp0ZBr1KtDRbnfVdmIw', 'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  'dpf43f3p2l4k3l03', 'kd94hf93k423kf44', 'nnch734d00sl2jdk', 'pfkkdhi9sl3r4s00', 'hh5s93j4hdidpola', 'hdhd0244k9j7ao03',
]);

/** `[PASSWORD]`, `{password}`, `%(password)s`, `%s`, `__TOKEN__`. */
const PLACEHOLDER_SHAPES = [/^\[[A-Za-z_][\w .-]{0,40}\]$/, /^\{[A-Za-z_][\w.-]{0,40}\}$/, /%\([\w.-]+\)[sdr]/, /^%[sdvq]$/, /^__[A-Z0-9_]+__$/];

/** The longest run of one repeated character. */
function longestRun(text: string): number {
  let best = text.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    run = text.charCodeAt(i) === text.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** The longest run of consecutive ascending characters (`12345678`, `abcdefgh`). */
function longestSequence(text: string): number {
  let best = text.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const alnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    run = alnum && code === text.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** A PEM block (or its escaped one-line form): checked by its body, which may hold long runs of `A`. */
function isPem(text: string): boolean {
  return text.startsWith('-----BEGIN');
}

/** `xxxx…`, `<YOUR_TOKEN>`, `changeme`, `****`, `sk_live_000000…`, `your_api_key_here`, `12345678…`. */
export function isPlaceholder(secret: string): boolean {
  if (isPem(secret)) {
    // Keys are long base64: judge only what a docs sample writes instead of a body.
    return /x{8,}|\.{3,}|…|<[^<>]{1,80}>|\*{3,}/i.test(secret);
  }
  const lower = secret.toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower) || PUBLISHED_SAMPLES.has(secret)) return true;
  if (/x{4,}/i.test(secret) || PLACEHOLDER_TEXT.test(secret)) return true;
  if (PLACEHOLDER_SHAPES.some((shape) => shape.test(secret))) return true;
  if (secret.length >= 3 && /^(.)\1+$/s.test(secret)) return true;
  // The random part after a prefix (`ghp_`, `sk-proj-`) is one character repeated.
  const body = secret.replace(/^(?:[A-Za-z0-9]{1,10}[_-]){1,3}/, '');
  if (body.length >= 6 && body !== secret && /^(.)\1+$/s.test(body)) return true;
  const run = longestRun(secret);
  if (run >= 8 && run * 3 >= secret.length) return true;
  if (longestSequence(secret) >= 8) return true;
  // The alphabet in alternating case, digits between (`AbCdEfGhIj`, `A1b2C3d4E5f6G7h8`): a docs sample.
  const letters = secret.replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters !== secret && longestSequence(letters) >= 8) return true;
  return false;
}

// ── references ──────────────────────────────────────────────────────────────────────────────────

const REFERENCES = [
  /\$\{\{/, // ${{ secrets.X }}
  /\$\{[^}]*\}/, // ${VAR}, ${VAR:-default}
  /^\$\{?[A-Za-z_][A-Za-z0-9_]*(?![\w{])/, // $VAR, also as the start of a longer value ($TOKEN@host)
  /^\$\(.*\)$/s, // $(command)
  /\{\{.*\}\}/s, // {{ .Values.x }}, {{ var }}
  /\{%.*%\}/s,
  /<%.*%>/s,
  /#\{[^}]*\}/, // #{VAR}
  /^%[A-Za-z_][\w.-]*%$/, // %VAR%
  /^@[A-Za-z_][\w.-]*@$/, // @VAR@
  /\bprocess\.env\b/,
  /\bimport\.meta\.env\b/,
  /\b(?:Deno|Bun)\.env\b/,
  /\bos\.(?:environ|getenv)\b/,
  /\bgetenv\s*\(/i,
  /\bENV\s*(?:\[|\.fetch\b)/,
  /\bSystem\.getenv\b/,
  /\bEnvironment\.GetEnvironmentVariable\b/,
  /^(?:secrets|vars|env|inputs|steps|needs|matrix)\.[\w.-]+$/, // an expression body without ${{ }}
  /^(?:op|vault|ssm|awssm|gcpsm|azkv|secretsmanager):\/?\//i, // op://vault/item/field, vault://…
  /^arn:aws[\w-]*:(?:secretsmanager|ssm):/,
];

/** `${{ secrets.X }}`, `${VAR}`, `$VAR`, `process.env.X`, `os.environ[…]`, `ENV[…]`, `{{ .Values.x }}`. */
export function isReference(secret: string): boolean {
  return REFERENCES.some((reference) => reference.test(secret));
}

// ── hashes and encoded blobs ────────────────────────────────────────────────────────────────────

const INTEGRITY = /^sha(?:1|256|384|512)-[A-Za-z0-9+/]{16,}={0,2}$/;
const DATA_URI = /^data:[\w.+/-]*(?:;[\w=.-]+)*;base64,/i;
const UUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const GIT_SHA = /^[0-9a-f]{40}$/;

/**
 * Where a line holds base64 blobs that are not secrets — a data URI's payload, a lockfile's
 * `sha512-…` integrity hash — as [start, end) offsets: a candidate found inside one is a chance
 * shape in encoded bytes, not a secret.
 */
export function encodedBlobs(text: string): Array<[number, number]> {
  const blobs: Array<[number, number]> = [];
  if (!text.includes(';base64,') && !/sha(?:1|256|384|512)-/.test(text)) return blobs;
  const pattern = /(?:;base64,|(?<![\w-])sha(?:1|256|384|512)-)[A-Za-z0-9+/]+={0,2}/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) blobs.push([m.index, m.index + m[0].length]);
  return blobs;
}

// ── generic-only ────────────────────────────────────────────────────────────────────────────────

/** Words of test data and weak defaults, also in leetspeak (`p4ssw0rd`). */
const GENERIC_WORDS = /password|passwd|secret|token|apikey|changeme|example|sample|dummy|test|mock|demo|qwerty|letmein|foobar|placeholder/;

function unleet(text: string): string {
  return text
    .toLowerCase()
    .replace(/[0134578@$!|]/g, (c) => ({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '!': 'i', '|': 'l' })[c] ?? c);
}

/** What an assignment holds that is not a hard-coded secret, for the generic rules only. */
const NOT_SECRETS = [
  /^[\p{L}\p{M}_.-]+$/u, // a word, an identifier, a constant name: no digit, no symbol
  /^[\d\W_]+$/, // digits and punctuation only: a number, a date, a port, a PIN-like id
  /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/, // a version
  /^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+(?:\(\))?$/, // config.apiKey, self.password, Foo::BAR
  /^(?:new[ \t]+|await[ \t]+)?[\w$.?!]+\(.*\)$/s, // a call: getSecret(), ENC(…), this.auth?.token()
  /^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/, // a path
  /:\/\//, // a URL
  /^data:[a-z]+\/[\w.+-]+$/i, // a data URI's MIME type (`data:image/png`, where `;base64,` ends an unquoted value)
  /\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|pub|json|ya?ml|txt|env|properties|conf|cfg|ini|toml|xml)$/i, // a file name
  /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/, // an e-mail address
  /^sha(?:1|256|384|512):[0-9a-f]{16,}$/i, // a digest
  /^\$(?:2[abxy]?|argon2[a-z]*|[156])\$/, // a password hash (bcrypt, argon2, crypt)
  /^eyJ[\w-]*\.[\w-]*\.[\w-]*=*$/, // a JWT: the jwt rule judges it
  // a key public by design: Stripe's publishable pk_, Mapbox's pk., Midtrans' client key, Plaid's
  // link and public tokens (handed to the browser, exchanged server-side)
  /^(?:pk_(?:live|test)_|pk\.eyJ|(?:SB-)?Mid-client-|(?:link|public)-(?:sandbox|development|production)-)/,
  /(.)\1{7}/, // a run of eight of one character (`BBBBBBBBBB`): made up, not random (~1 in 10^12 a place)
];

// ── code: identifiers, member paths, calls ──────────────────────────────────────────────────────

/** Operators before a name (`!x`, `!!x`, `?Label`, `...rest`, `&ref`, `*ptr`, `@decorator`, `#private`, `:symbol`). */
const LEAD_OPERATORS = /^(?:\.{3}|[!?~&*@#:+-])+/;
/** After a name: a call without arguments, a non-null assertion, an optional mark, a statement's or a Python block's end. */
const TRAIL = /(?:\(\)|[!?;,:])$/;
/** A bundler's renamed binding: `Foo$1`, `SemicolonToken$2`. (`$` elsewhere may be a password's symbol: `geheim$parole`.) */
const RENAMED = /\$\d{1,3}$/;
/** Where a path of names splits: `a.b`, `a?.b`, `A::B`, `a->b`, `kebab-case`, `snake_case`. */
const NAME_SEPARATOR = /\?\.|::|->|[.\-_]/;
/** One word and up to 3 digits: `Token`, `aws`, `EC2`, `utf8`, `ACME`. */
const ONE_WORD = /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)\d{0,3}$/;
/**
 * Words in camel case: a lower-case or capitalised first word, then capitalised words, at most one
 * acronym (`parseHTMLToken`, `XMLHttpRequest`), digits between words only after a lower-case letter
 * and before a capitalised word (`base64Encode`, `oauth2Token`), up to 3 at the end (`apiToken2`).
 */
const CAMEL_WORDS =
  /^(?:[a-z]{2,}|[A-Z][a-z]+|[A-Z]{2,5}(?![a-z]))(?:(?<=[a-z])\d{1,2}(?=[A-Z][a-z]))?(?:(?:[A-Z][a-z]+|[A-Z]{2,5}(?![a-z]))(?:(?<=[a-z])\d{1,2}(?=[A-Z][a-z]))?)*\d{0,3}$/;

/**
 * A piece of a name between separators, as people write names: words with vowels, of 3 lower-case
 * letters on average when several. A random token's pieces are not: ~1 in 1,000 random base62
 * strings of 16 characters passes as a name, under 1 in 100,000 of 32 (letters alone, which
 * `NOT_SECRETS` drops as a word, are ~1 in 16 and ~1 in 250).
 */
function isNamePiece(piece: string): boolean {
  if (piece === '' || /^\d{1,3}$/.test(piece) || /^[A-Za-z]\d{0,3}$/.test(piece)) return true;
  const lower = piece.match(/[a-z]+/g) ?? [];
  if (lower.some((run) => run.length >= 5 && !/[aeiouy]/.test(run))) return false;
  if (ONE_WORD.test(piece)) return true;
  if (!CAMEL_WORDS.test(piece) || (piece.match(/[A-Z]{2,}/g) ?? []).length > 1) return false;
  return lower.reduce((sum, run) => sum + run.length, 0) >= 3 * lower.length;
}

/**
 * Code where a value would be: an identifier (`SemicolonToken$1`, `apiToken2`, `x-aws-ec2-metadata-token`),
 * a member path (`matchResult?.pass`, `!this.result.issues`, `!!node.exclamationToken`), a label
 * (`?NonExpressionParenKeyword`), a call (`getToken()`). One word alone with digits (`Welcome123`)
 * is not code: it may be a password.
 */
export function isCode(secret: string): boolean {
  const lead = LEAD_OPERATORS.exec(secret);
  let core = (lead ? secret.slice(lead[0].length) : secret).replace(TRAIL, '');
  const renamed = RENAMED.test(core);
  if (renamed) core = core.replace(RENAMED, '');
  if (!/[A-Za-z]/.test(core)) return false;
  const pieces = core.split(NAME_SEPARATOR);
  if (!pieces.every(isNamePiece)) return false;
  const named = pieces.filter((piece) => piece !== '');
  return lead !== null || renamed || named.length >= 2 || !ONE_WORD.test(named[0] ?? '');
}

/** Base64 text that decodes to printable ASCII: `cGFzc3dvcmQ=` in a Kubernetes Secret is `password`. */
function decodedText(secret: string): string | undefined {
  if (secret.length < 8 || secret.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) return undefined;
  const text = Buffer.from(secret, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

function isGenericNegative(secret: string): NegativeKind | undefined {
  if (UUID.test(secret)) return 'uuid';
  if (GIT_SHA.test(secret)) return 'git-sha';
  if (GENERIC_WORDS.test(unleet(secret))) return 'placeholder';
  if (NOT_SECRETS.some((shape) => shape.test(secret)) || isCode(secret)) return 'not-a-secret';
  const decoded = decodedText(secret);
  if (decoded !== undefined && (isPlaceholder(decoded) || isReference(decoded) || GENERIC_WORDS.test(unleet(decoded)))) return 'placeholder';
  return undefined;
}

/**
 * Why `secret` is not a secret, or undefined when it may be one. `generic` adds the negatives of
 * the generic assignment rules (UUIDs, git SHAs, words, identifiers, paths, e-mail addresses).
 */
export function hardNegative(secret: string, generic = false): NegativeKind | undefined {
  if (isReference(secret)) return 'reference';
  if (INTEGRITY.test(secret)) return 'integrity-hash';
  if (DATA_URI.test(secret)) return 'data-uri';
  if (isPlaceholder(secret)) return 'placeholder';
  return generic ? isGenericNegative(secret) : undefined;
}

// ── passwords beside a user name ────────────────────────────────────────────────────────────────

/** Passwords that ship as defaults or fill docs and local setups (`postgres:postgres`, `guest:guest`). */
const DEFAULT_PASSWORDS = new Set([
  'postgres', 'mysql', 'mariadb', 'root', 'admin', 'administrator', 'guest', 'redis', 'rabbitmq', 'mongo', 'mongodb',
  'oracle', 'sa', 'toor', 'pass', 'pwd', 'password1', 'passw0rd', 'p@ssw0rd', 'p@ssword', '123456', '12345678', 'letmein',
  'qwerty', 'user', 'default', 'anonymous', 'x-oauth-basic',
]);

/**
 * A password in `user:password` (a URL, a Basic credential) that is no secret: empty-ish, the user
 * name again, a shipped default, a placeholder or a reference.
 */
export function isWeakPassword(password: string, username = ''): boolean {
  const lower = password.toLowerCase();
  return (
    password.length < 4 ||
    lower === username.toLowerCase() ||
    DEFAULT_PASSWORDS.has(lower) ||
    GENERIC_WORDS.test(unleet(password)) ||
    hardNegative(password) !== undefined
  );
}
