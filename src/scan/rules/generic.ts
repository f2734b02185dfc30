import { shannonEntropy } from '../entropy.js';
import { hardNegative, isWeakPassword } from '../negatives.js';
import type { Rule } from '../types.js';

/*
 * The generic kinds: private keys, JWTs, credentials in URLs and connection strings, Azure SAS
 * tokens, Basic and Bearer headers, package-manager credential files, and assignments to
 * names like `password`, `api_key`, `client_secret`, `auth_token`. The `generic-*` rules are the
 * noisiest; the matcher gives them extra negatives (UUIDs, git SHAs, words, identifiers and other
 * code, paths), drops their finding wherever a more specific rule found an overlapping secret, and
 * leaves to a prefixed rule every value that starts with its prefix (`ghp_`, `AKIA`), found or not.
 * In the rule set (index.ts) they also stay quiet on every vendor's near miss (near-miss.ts): a
 * value a vendor's rule recognises as its own, by its prefix or signature or by the name it is
 * given, and refuses (cut short, the wrong case, a checksum that fails).
 *
 * Entropy thresholds, calibrated on random strings (1st percentile): base62 of 16 characters 3.33,
 * 32 hex 3.26, 8-character passwords 2.4 (median 3.0). So: assignments of keys, secrets and tokens
 * need 16+ characters and 3.3 bits; passwords 8+ characters and 3.0 bits — the words, identifiers
 * and test values that reach those are the negatives' job.
 */

// ── shared pieces ───────────────────────────────────────────────────────────────────────────────

/** A line break, or its escaped form inside a string (`\n` in JSON or an env value). */
const SEP = String.raw`(?:\r?\n|\\r\\n|\\n)`;

/** Characters of an unquoted value; anything else ends it. */
const UNQUOTED = String.raw`[^\s"'\x60\\,;&(){}\[\]<>|]`;

/** Name suffixes that keep a name about the secret itself (`PASSWORD_PROD`, `apiKey2`, `secret_key_base`). */
const SUFFIX = String.raw`\d{1,3}|v\d{1,2}|prod|production|dev|development|stag(?:e|ing)|test|qa|uat|live|local|value|val|str|string|raw|plain|b64|base64|default`;

/**
 * Keys their vendors publish or use only as an identifier, paired with a secret kept elsewhere: a
 * search-only API key (Algolia's, Typesense's, Meilisearch's: made for the browser; not Azure AI
 * Search's admin key), a Pusher app key, a Trello API key (the token is the secret), Twitter's API
 * (consumer) key, a Kraken API key, a Confluent Cloud API key and a Scaleway access key (key ids).
 * Named so, a value is no leak.
 */
const KEY_IDS = String.raw`(?:(?:algolia|typesense|meili(?:search)?)[_.-]?search(?:[_.-]?only)?|search[_.-]?only|twitter|kraken|confluent(?:[_.-]?cloud)?|pusher|trello|scw|scaleway)`;

/**
 * `NAME = VALUE` in the shapes code and config write it: `PASSWORD=…`, `password: "…"`,
 * `"password": "…"`, `$cfg['password'] = '…'`, `password := "…"`, `password => '…'`,
 * `getenv("API_KEY", "…")`, `<password>…</password>`, `<add key="ApiKey" value="…" />`,
 * `--password …`, `password: str = "…"`.
 * The value, quoted or not, is the secret; an unquoted one must end where the value does, and
 * must not follow a comma (`f(stmt="pass", timer=default_timer)`: "pass" there is a value, not a name).
 */
function assignment(name: string, suffix: string, min: number, max: number): RegExp {
  const quoted = (q: string) => String.raw`(?<=${q})[^${q}\s\\]{${min},${max}}(?=\\?${q})`;
  return new RegExp(
    name +
      String.raw`(?:[_.-]?(?:${suffix})){0,2}` +
      String.raw`(?:\\?["'])?\]?` +
      String.raw`(?:[ \t]{0,3}:?[ \t]{0,3}&?(?:'static[ \t]{1,40})?str(?:ing)?\b)?` +
      String.raw`[ \t]{0,4}(?:={1,3}|:{1,2}=|:|=>|\?=|\|\|=|\?\?=|(?<=["'])[ \t]{0,3},|(?<=["'])[ \t]{1,3}value[ \t]{0,2}=|(?<=<[\w:.-]{1,60})>(?=[^<>\s]{1,256}<\/)|(?<=--[\w.-]{1,60})[ \t])[ \t]{0,4}` +
      String.raw`\\?["'\x60]?` +
      String.raw`(?<secret>${quoted('"')}|${quoted("'")}|${quoted('\\x60')}|(?<!["'\x60\\]|,[ \t]{0,8})${UNQUOTED}{${min},${max}}(?!${UNQUOTED}))`,
    'i',
  );
}

/**
 * `scheme://user:password@host`, the password the secret (not a repeat of the user, not a
 * documentation host). A named scheme (`postgres`) starts the match; any scheme is checked behind
 * `://` instead, since a scan for `://` is fast and one for every possible scheme start is not.
 */
function urlCredentials(scheme: string | undefined, usernameMin: number): RegExp {
  const userinfo = String.raw`[^\s:@/?#'"\x60<>\[\]{}\\|^]`;
  const docsHost = String.raw`(?:[\w-]{1,63}\.){0,10}example\.(?:com|org|net)\b|example\b|(?:host|hostname|server|domain|your[\w-]{0,40})(?![\w.-])`;
  const start = scheme === undefined ? String.raw`(?<=(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{1,30})://` : String.raw`(?<![a-z0-9+.-])${scheme}://`;
  return new RegExp(
    String.raw`${start}(?<username>${userinfo}{${usernameMin},128}):(?!\k<username>@)(?<secret>${userinfo}{3,256})@(?!${docsHost})[\w\[-]`,
    'i',
  );
}

function decodeUriSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A URL's password is a secret unless weak, a default, a placeholder or a reference. */
function strongUrlPassword(password: string): boolean {
  return !isWeakPassword(decodeUriSafe(password));
}

/** Base64 of printable text, else undefined. */
function decodeBase64Text(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  return text.length > 0 && /^[\x20-\x7e\u00a0-\uffff]+$/.test(text) && !text.includes('\ufffd') ? text : undefined;
}

/** Base64 of `user:password` (Basic auth, docker `auth`, npm `_auth`) with a real password (or, alone, a real key as the user). */
function basicCredential(encoded: string): boolean {
  const text = decodeBase64Text(encoded);
  if (text === undefined) return false;
  const colon = text.indexOf(':');
  if (colon < 0) return false;
  const user = text.slice(0, colon);
  const password = text.slice(colon + 1);
  if (text === 'Aladdin:open sesame') return false; // RFC 7617's example
  return password.length > 0 ? !isWeakPassword(password, user) : user.length >= 12 && !isWeakPassword(user);
}

/** Base64 that decodes to exactly `bytes` bytes (an HMAC key or signature), after URL-decoding. */
function decodesToBytes(encoded: string, bytes: number): boolean {
  const plain = decodeUriSafe(encoded);
  return /^[A-Za-z0-9+/]+={0,2}$/.test(plain) && Buffer.from(plain, 'base64').length === bytes;
}

function decodeJsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A signed JWT whose header names its `alg` and whose payload is a JSON object — and not a
 * public one: not jwt.io's sample (`John Doe`), not a Supabase `anon` key (meant for browsers).
 */
function privateJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  const head = decodeJsonPart(header ?? '');
  const body = decodeJsonPart(payload ?? '');
  if (!head || !body || typeof head['alg'] !== 'string' || head['alg'].toLowerCase() === 'none') return false;
  if (body['name'] === 'John Doe' || body['sub'] === '1234567890') return false;
  return body['role'] !== 'anon';
}

/** The base64 body of a PEM block: enough of it, and random (not a docs sample). */
function randomPemBody(block: string): boolean {
  const body = block
    .replace(/-----(?:BEGIN|END)[^-]*-----/g, '')
    .replace(/\\r|\\n/g, '\n')
    .split(/\r?\n/)
    .filter((line) => !/^\s*[A-Za-z][\w-]{1,30}:/.test(line))
    .join('')
    .replace(/[^A-Za-z0-9+/]/g, '');
  return body.length >= 50 && /\d/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body) && shannonEntropy(body) >= 4.2;
}

/** A host of RFC 2606's, reserved for documentation. */
const DOCS_HOST = String.raw`\bexample\.(?:com|org|net)\b`;

const PEM_LABEL = String.raw`(?: [A-Z0-9]{1,20}){0,3} PRIVATE KEY(?: BLOCK)?-----`;

// ── rules ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The rules as written: each example secret is broken by ` ~ `, which `unbroken` removes when the
 * module loads, so this file holds no contiguous secret for a scanner (GitHub push protection,
 * token-preflight scanning this repository) to flag.
 */
const AS_WRITTEN: readonly Rule[] = [
  {
    id: 'private-key',
    description: 'A PEM private key (RSA, EC, DSA, OpenSSH, PGP, PKCS #8), over lines or in one escaped string',
    keywords: ['private key'],
    pattern: new RegExp(
      String.raw`-----BEGIN${PEM_LABEL}` +
        String.raw`(?:[ \t]{0,40}${SEP}[ \t]{0,40}[A-Za-z][\w-]{1,30}:[^\r\n\\]{0,200}){0,8}` + // Proc-Type:, DEK-Info:, Version:
        String.raw`(?:[ \t]{0,40}${SEP}){0,2}` +
        String.raw`[ \t]{0,40}[A-Za-z0-9+/=]{1,8192}` +
        String.raw`(?:[ \t]{0,40}${SEP}[ \t]{0,40}[A-Za-z0-9+/=]{1,128}){0,600}` +
        String.raw`(?:(?:[ \t]{0,40}${SEP})?[ \t]{0,40}-----END${PEM_LABEL})?`,
    ),
    validate: randomPemBody,
    examples: {
      positive: [
        [
          '-----BEGIN PRIVATE KEY-----',
          'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQTwwbRV0IxDcAWu',
          'vxqlAWVZ21XyakuK3Y/tqMmO7YkMoXPgeaQo+PmmcbuaclxcXT12QTGISqmef/tz',
          'VPhXe3Bs+uDjng1eTxnkY/DiNXrOBc/BDCb/uk5fImPjP+7z33cQwkLYDGgjQ5sv',
          'ZItIRKKe2ft+CrwMkwK8Z8vxfjk3W2MRIgi2RAjjBK/4TccCDKlxS0jA7PNFo3ip',
          'tT0V+kZBZdxaQu3u8rNMxbRkkQNVnb557Tbz1perAPkK4a2Q==',
          '-----END PRIVATE KEY-----',
        ].join('\n'),
        [
          'ssh_key: |',
          '  -----BEGIN OPENSSH PRIVATE KEY-----',
          '  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
          '  QyNTUxOQAAACAB5oCrDCOlbFmzgSwlO3lw2IgVdXBrc2QcII0JoqWLCbgNy/Y1ZFeV+KG8',
          '  5bcVa3b5XopfFQJRL3GV6ULkW3QWjuhEh914Yn/uCfgcTPQv/CpIPibQ6qbdR1aqSskFJ1',
          '  p9PWLhjOqKu7e+Y+HlnFtoYGSHOCg1VYkekH7bulT1vbAfyCdLcmbfAqIkqnb1vxfNulmg',
          '  -----END OPENSSH PRIVATE KEY-----',
        ].join('\n'),
        [
          '-----BEGIN EC PRIVATE KEY-----',
          'MHcCAQEEIppwyfZ6WgjDDxSwpxEkxc5eLmWGe2I7RXW/RB2c/HrtnY1Fo4HnJ2VF',
          'vfW1qdKhLz0VIqRQS0GKfTMshwCGVsmpdIQgh5Dxm52Lcj8xSLK16hNZYWkxONQB',
          'c=',
          '-----END EC PRIVATE KEY-----',
        ].join('\n'),
        [
          '-----BEGIN PGP PRIVATE KEY BLOCK-----',
          'Version: GnuPG v2',
          '',
          'lQWGBGSVV4YBDACzKAuO8dE4CAE0kDFsy8INQJZBvU5hefA89cN1aiaS+Pc4pph5',
          'gZ79yD1mplmgWAbdR1rDa/jyHcgaLye0Xc3c22GXnI54+vVqJQ+ZP5u46frZ6Nj4',
          '=8xQN',
          '-----END PGP PRIVATE KEY BLOCK-----',
        ].join('\n'),
        String.raw`DEPLOY_KEY="---- ~ -BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAvxqlAWVZ21XyakuK3Y/tqMmO7YkMoXPgeaQo+PmmcbuaclxcX\nT12QTGISqmef/tzVPhXe3Bs+uDjng1eTxnkY/DiNXrOBc/BDCb/uk5fImPjP+7z3\n-----END RSA PRIVATE KEY-----\n"`,
      ],
      negative: [
        ['-----BEGIN RSA PRIVATE KEY-----', '...', '-----END RSA PRIVATE KEY-----'].join('\n'),
        '-----BEGIN PRIVATE KEY-----',
        '-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----',
        ["const header = '-----BEGIN PRIVATE KEY-----';", 'const body = pem.slice(header.length);'].join('\n'),
        ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '-----END RSA PRIVATE KEY-----'].join('\n'),
        ['-----BEGIN PUBLIC KEY-----', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvxqlAWVZ21XyakuK3Y/t', '-----END PUBLIC KEY-----'].join('\n'),
      ],
    },
  },
  {
    id: 'jwt',
    description: 'A signed JSON Web Token (header with alg, JSON payload, signature); not public sample or anon keys',
    keywords: ['eyj'],
    pattern: /(?<![\w.-])(?<secret>eyJ[A-Za-z0-9_-]{10,2048}\.eyJ[A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{16,2048}={0,2})(?![\w.=-])/,
    validate: privateJwt,
    examples: {
      positive: [
        'const token = "eyJh ~ bGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYmlsbGluZyIsImlzcyI6Imh0dHBzOi8vYXV0aC5hY21lLWNvcnAuaW8iLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6MTc5ODc2MTYwMCwic2NvcGUiOiJpbnZvaWNlczp3cml0ZSJ9.ipGKl5qYNsV913Sixen3I4nvLurg-RZUMvVIiNupU3k";',
        'SUPABASE_SERVICE_ROLE_KEY=eyJh ~ bGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3aHhremJ0cGxtbnZjcnNkamZhIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczNTY4OTYwMCwiZXhwIjoyMDUxMjIyNDAwfQ.6klp8H5g5OELxisvc-VLdmQ2htqv5T6MX2sBNhj0H1o',
        'curl -H "Authorization: Bearer eyJh ~ bGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJkZXBsb3ktYm90IiwiYXVkIjoiYXBpLmludGVybmFsIiwiaWF0IjoxNzY3MjI1NjAwfQ.OpqEC0rzcl1IpiMcN6B_0aKKyoKHYYiHM866gpHZTaA" https://api.acme-corp.io/v1/deploys',
      ],
      negative: [
        'token: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
        'NEXT_PUBLIC_SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3aHhremJ0cGxtbnZjcnNkamZhIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzU2ODk2MDAsImV4cCI6MjA1MTIyMjQwMH0.8JSxyfYeVwrFVKY72YrbmywqD0iUReJmnz_cox5gBF8',
        'jwt = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4MSIsImlhdCI6MTc2NzIyNTYwMH0.Qs700ItMzzkDm5EMlw5LK3K1vUhSx9MHA2tRSfCiYk4"',
        'const unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0LXVzZXIifQ.";',
        'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIi...',
        'JWT_TOKEN: ${{ secrets.SERVICE_JWT }}',
      ],
    },
  },
  {
    id: 'url-credentials',
    description: 'A password in a URL (scheme://user:password@host)',
    keywords: ['://'],
    pattern: urlCredentials(undefined, 1),
    parts: { username: 'username' },
    validate: strongUrlPassword,
    examples: {
      positive: [
        'git clone https://deploy:h8Fz ~ 2QmXc4Lp9RwT@git.acme-corp.io/platform/api.git',
        'SMTP_URL=smtp://mailer:Tq4m ~ Z8vRx2Lk7Wp9@smtp.acme-corp.io:587',
        'proxy: "http://svc-proxy:W7pL ~ q2Zx9RvT4mKs@proxy.acme.internal:3128"',
        'ftp://backup:Vq7% ~ 23nR2xLw9pZ4k@files.acme-corp.io/dumps',
      ],
      negative: [
        'https://user:password@git.acme-corp.io/platform/api.git',
        'git clone https://${GIT_USER}:${GIT_TOKEN}@github.com/acme/app.git',
        'https://x-access-token:$TOKEN@github.com/acme/app.git',
        'https://deploy:@git.acme-corp.io/platform/api.git',
        'https://admin:h8Fz2QmXc4Lp9RwT@example.com/login',
        'http://guest:guest@rabbit.acme.internal:15672',
        'https://user:<password>@git.acme-corp.io/repo.git',
      ],
    },
  },
  {
    id: 'postgres-connection-string',
    description: 'A PostgreSQL connection URL with a password (postgres://user:password@host)',
    keywords: ['postgres'],
    pattern: urlCredentials(String.raw`postgres(?:ql)?(?:\+[a-z0-9]{1,20})?`, 1),
    parts: { username: 'username' },
    validate: strongUrlPassword,
    examples: {
      positive: [
        'DATABASE_URL=postgres://billing:9vQm ~ 2LxR7pTz4KwN@db.acme-corp.io:5432/billing',
        'url: "postgresql://app_rw:Jq8% ~ 40Lm3Zx7Pw2Rk@10.0.4.12/app?sslmode=require"',
        "SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://etl:Tz5K ~ q9Wm2Xp7Lr4N@warehouse.acme.internal/analytics'",
      ],
      negative: [
        'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
        'postgres://user:password@localhost/db',
        'DATABASE_URL=postgres://${PGUSER}:${PGPASSWORD}@db:5432/app',
        'postgres://app:<password>@db.acme-corp.io/app',
        'postgres://app:****@db.acme-corp.io/app',
      ],
    },
  },
  {
    id: 'mysql-connection-string',
    description: 'A MySQL or MariaDB connection URL with a password (mysql://user:password@host)',
    keywords: ['mysql', 'mariadb'],
    pattern: urlCredentials(String.raw`(?:mysql|mariadb)(?:\+[a-z0-9]{1,20})?`, 1),
    parts: { username: 'username' },
    validate: strongUrlPassword,
    examples: {
      positive: [
        'mysql://root:Pz7K ~ q2Wm9Xr4Ln8T@db.acme-corp.io:3306/shop',
        'DB_URL="mysql+pymysql://shop:Lq4Z ~ m8Xp2Rw7Tk9V@mysql.acme.internal/shop"',
        'datasource: mariadb://reports:Wk3R ~ p9Zx2Mq7Ln5T@10.1.2.3:3306/reports',
      ],
      negative: [
        'mysql://root:root@localhost/app',
        'mysql://shop:****@db.acme-corp.io/shop',
        'mysql://root:${MYSQL_ROOT_PASSWORD}@db/app',
        'mysql://root:@localhost/app',
      ],
    },
  },
  {
    id: 'mongodb-connection-string',
    description: 'A MongoDB connection URL with a password (mongodb:// or mongodb+srv://user:password@host)',
    keywords: ['mongodb'],
    pattern: urlCredentials(String.raw`mongodb(?:\+srv)?`, 1),
    parts: { username: 'username' },
    validate: strongUrlPassword,
    examples: {
      positive: [
        'MONGO_URI=mongodb+srv://app-user:Xk8P ~ q2Lm7Zr4Tw9N@cluster0.ab1cd.mongodb.net/prod?retryWrites=true',
        'mongodb://admin:Rt6W ~ q9Zp3Lx8Km2V@mongo-0.acme.internal:27017/admin',
        '"uri": "mongodb://reporter:Hn4Z ~ q8Wm2Xp7Lr5K@10.0.0.7:27017"',
      ],
      negative: [
        'mongodb+srv://<username>:<password>@cluster0.ab1cd.mongodb.net',
        'mongodb+srv://user:pass@cluster0.ab1cd.mongodb.net',
        'mongodb://admin:${MONGO_PASSWORD}@mongo:27017',
        'mongodb://mongo:mongo@localhost:27017',
      ],
    },
  },
  {
    id: 'redis-connection-string',
    description: 'A Redis connection URL with a password (redis://[user]:password@host)',
    keywords: ['redis'],
    pattern: urlCredentials(String.raw`rediss?`, 0),
    parts: { username: 'username' },
    validate: strongUrlPassword,
    examples: {
      positive: [
        'REDIS_URL=redis://:Qm7Z ~ p2Xk9Lr4Tw8N@cache.acme-corp.io:6379/0',
        'rediss://default:Vn3K ~ q8Zm2Wx7Lp4R@redis-12345.c1.us-east-1.ec2.cloud.redislabs.com:12345',
        'cache: "redis://worker:Lp9W ~ q2Zx7Mk4Rt8N@10.2.0.5:6379"',
      ],
      negative: ['REDIS_URL=redis://localhost:6379/0', 'redis://:password@localhost:6379', 'redis://:${REDIS_PASSWORD}@redis:6379', 'redis://redis:redis@localhost'],
    },
  },
  {
    id: 'amqp-connection-string',
    description: 'An AMQP (RabbitMQ, Amazon MQ) connection URL with a password (amqp://user:password@host)',
    keywords: ['amqp'],
    pattern: urlCredentials(String.raw`amqps?`, 1),
    parts: { username: 'username' },
    validate: strongUrlPassword,
    examples: {
      positive: [
        'AMQP_URL=amqp://orders:Zr8K ~ q3Wm7Xp2Ln9T@rabbit.acme-corp.io:5672/orders',
        'amqps://billing:Tq2L ~ m9Zx4Wr7Kp3N@b-1234.mq.us-east-1.amazonaws.com:5671',
        'broker_url = "amqp://celery:Mk7Z ~ q2Xp9Lw4Rt8V@10.0.3.9:5672//"',
      ],
      negative: ['amqp://guest:guest@localhost:5672/', 'amqp://user:pass@rabbitmq:5672', 'AMQP_URL=amqp://$RABBIT_USER:$RABBIT_PASS@rabbit:5672', 'amqp://rabbit:<password>@rabbit.acme.internal'],
    },
  },
  {
    id: 'azure-shared-access-signature',
    description: 'An Azure Service Bus, Event Hubs or IoT Hub SAS token (SharedAccessSignature sr=…&sig=…)',
    keywords: ['sharedaccesssignature'],
    pattern: /\bSharedAccessSignature[ \t]{1,40}sr=[^\s"'<>&]{1,512}(?:&(?!sig=)[^\s"'<>&]{1,256}){0,6}&sig=(?<secret>[A-Za-z0-9%+/=]{40,140})(?![A-Za-z0-9%+/=])/,
    entropy: 4,
    // An HMAC-SHA256 signature: 32 bytes once URL- and base64-decoded.
    validate: (sig) => decodesToBytes(sig, 32),
    examples: {
      positive: [
        'Authorization: SharedAccessSignature sr=acme-bus.servicebus.windows.net%2Forders&sig=n7fA ~ 1zoCHe80ILLHQ0g8d5%2Fll49xJn9h1sYY%2BVtYrCM%3D&se=1798761600&skn=send',
        '"sasToken": "SharedAccessSignature sr=acme-iot.azure-devices.net%2Fdevices%2Fpress-04&se=1798761600&sig=2fId ~ 70LZ5Fq9P6z20CloygGvSyzoKGDGTTg0IYK0p8k%3D"',
        'EVENTHUB_SAS="SharedAccessSignature sr=https%3A%2F%2Facme-telemetry.servicebus.windows.net%2Fevents&sig=OIzl ~ KDs15pYaXouQTyFm1vk6MmCe9Si2qB64iRQyIEQ%3D&se=1798761600&skn=listen"',
      ],
      negative: [
        'Authorization: SharedAccessSignature sr=acme-bus.servicebus.windows.net%2Forders&sig=<signature>&se=1798761600&skn=send',
        'Authorization: SharedAccessSignature sr=${RESOURCE}&sig=${SIGNATURE}&se=${EXPIRY}&skn=send',
        'Authorization: SharedAccessSignature sr=acme-bus.servicebus.windows.net%2Forders&sig=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%3D&se=1798761600',
        'Authorization: SharedAccessSignature sr=acme-bus.servicebus.windows.net%2Forders&sig=n7fA1zoCHe80ILLHQ0g8d5&se=1798761600',
      ],
    },
  },
  {
    id: 'generic-password',
    description: 'A password assigned in code or config (password = "…", DB_PASSWORD=…, <password>…</password>)',
    keywords: ['pass', 'pwd'],
    pattern: assignment(
      String.raw`(?:pass(?:word|wd|phrase)?|pwd)(?<![a-z0-9](?:pass|pwd))(?<!(?:wrong|invalid|incorrect|bad|fake|dummy|test|sample|example|mock|empty|blank|null|min|max|new|old|confirm|forgot|reset)[_.-]?(?:pass(?:word|wd|phrase)?|pwd))`,
      SUFFIX,
      8,
      128,
    ),
    entropy: 3,
    examples: {
      positive: [
        'DB_PASSWORD=Vq7# ~ nR2xLw9!pZ4k',
        '  password: "dg%g ~ -5h1QNkwzW"',
        'spring.datasource.password=sO@o ~ Up6pIpZk',
        'conn = psycopg2.connect(host="db.internal", user="billing", password="_chr ~ bw9bo9Gw*mO0")',
        '<password>R7xK ~ 2mQp9Lw4ZvT8</password>',
        "$config['smtp_pass'] = 'T4n9 ~ #qLw2Zp8';",
      ],
      negative: [
        'password: ${{ secrets.DB_PASSWORD }}',
        'DB_PASSWORD=changeme',
        'password = os.environ["DB_PASSWORD"]',
        '"password": "<YOUR_PASSWORD>"',
        'passwordMinLength: 12',
        'password = "P@ssw0rd123!"',
        'passenger_count = 4bX9kLm2Qw7Z',
        'password: "********"',
        'password: str = Field(..., min_length=8)',
        'test_password = "Vq7#nR2xLw9!pZ4k"',
        'password: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="',
        // code, not a value: a member path, a negation, a keyword argument after a value "pass"
        'pass: matchResult?.pass ?? false,',
        'const pass = !this.result.issues || this.result.issues.length === 0;',
        'def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):',
        // references and filler of other shapes
        '  password: process.env.DB_PASSWORD,',
        'DB_PASSWORD=xxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'generic-api-key',
    description: 'An API key assigned in code or config (api_key = "…", "apiKey": "…", X-Api-Key: …)',
    keywords: ['key'],
    pattern: assignment(
      String.raw`key(?<=(?<!(?:public|publishable|pub|site|browser|web|frontend|recaptcha|vapid)[_.-]?)(?<!${KEY_IDS}[_.-]?)(?:api|access|app|auth|client|master|service|subscription|licen[cs]e|encryption|signing|private|admin|server|consumer)[_.-]?key)`,
      `${SUFFIX}|secret|token`,
      16,
      256,
    ),
    entropy: 3.3,
    examples: {
      positive: [
        'ACME_API_KEY=2agz ~ LWNazv2QKJd7l4c8fqQqjVGhfHUY',
        '"apiKey": "7006 ~ 52b2953dac10b27f75b09b69093b",',
        'headers = {"X-Api-Key": "Sv7B ~ 2RMI7bwc2POqGFSQ25VR7xKEhHdR"}',
        "client.configure(api_key='yrdv ~ 3Ty9Yorz9U7UJJRcFziYveYCWt2x')",
        'licenseKey: 6d77 ~ 8f81662500c6d8ebb3bb1bed2550',
        '<add key="AcmeApiKey" value="Zr8K ~ q3Wm7Xp2Ln9T4vB6nM1c" />',
      ],
      negative: [
        'API_KEY=${ACME_API_KEY}',
        'apiKey: process.env.ACME_API_KEY,',
        '"apiKey": "your_api_key_here"',
        'public_api_key = "pk_9f3bQm7Zp2Xk9Lr4Tw8NsV"',
        'api_key_id = "a2adc8b7438b5580a6078d30c6046597"',
        "apiKey: 'edef624a-b461-4ead-9543-c55a23f50bf3'",
        'api_key = "0123456789abcdef0123456789abcdef"',
        'const apiKey = config.services.acme.apiKey;',
        "apiKey: this.options?.apiKey2 ?? '',",
        'apiKey = ApiKeyProvider$1;',
        // a provider's prefix whose rule refused the value (too short for a Google API key)
        'api_key = "AIzaQ7mK2pX9wL4tR8vN3bJ6"',
        'ACME_API_KEY=AKIAQ7MK2PX9WL4TR8V',
        // references, placeholders, hashes and minified code
        '  api_key: ${{ secrets.ACME_API_KEY }}',
        'api_key = os.environ["ACME_API_KEY"]',
        'ACME_API_KEY=<YOUR_API_KEY>',
        'ACME_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxx',
        '"apiKey": "3f786850e387550fdab836ed7e6dc881de23001b",',
        'var t={apiKey:n.apiKey,accessKey:r.accessKey||"",authKey:o(e)};function o(e){return e.appKey}',
        // public or an identifier by its vendor's word: a search-only key, a consumer key (the key id)
        'TYPESENSE_SEARCH_ONLY_API_KEY=8hT3kQ9mZ2xW7pL4vN6rB1cJ5dF0gS',
        'TWITTER_CONSUMER_KEY=FAjwZcLJCP3cSD9tFcIcvlHVW',
      ],
    },
  },
  {
    id: 'generic-secret',
    description: 'A secret assigned in code or config (client_secret, SECRET_KEY, webhookSecret, …)',
    keywords: ['secret'],
    pattern: assignment(
      String.raw`secret(?<!(?:no|fake|dummy|test|sample|example|mock)[_.-]?secret)`,
      String.raw`${SUFFIX}|key(?:[_.-]?base)?|access[_.-]?key|token`,
      16,
      256,
    ),
    entropy: 3.3,
    examples: {
      positive: [
        'CLIENT_SECRET=DHty ~ eBsALdBiJJju6NTzPg3894lNFRIh',
        '"client_secret": "UN5m ~ oB3aBXp8lF6Wxm0KqiKx6gTkMFBS",',
        "app.config['SECRET_KEY'] = 'i22l ~ SKl/J3VxuszclxIskOe9HbPdf3Xl'",
        'webhookSecret: "CHr2 ~ aHpjeaQEDHCSIohfuAsg3IhK7sQj"',
      ],
      negative: [
        'secretName: acme-api-credentials-v2',
        'client_secret: ${{ secrets.ACME_CLIENT_SECRET }}',
        'SECRET_KEY = "dev-secret-key-change-me-1234"',
        'jwt_secret = "7f1c8a7e-3b5d-4e2a-9c1f-6b8d2e4a0c3f"',
        'secret: 9b5f8e2a4c7d1f3b6a8e0c2d4f6b8a1c3e5d7f90',
        'SECRET=sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8rZnJlZA==',
        '        secretKeyRef:',
        'client_secret: opts?.clientCredentials.value2,',
        // a provider's prefix whose rule refused the value (a Stripe key cut short, an npm token without its checksum)
        'client_secret = "sk_live_Q7mK2pX9wL4t"',
        'secret_key: npm_Q7mK2pX9wL4tR8vN3bJ6cH1dK5fG0hS2jA4lZ6x',
        // references, placeholders, images
        '  clientSecret: process.env.ACME_CLIENT_SECRET,',
        "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
        'CLIENT_SECRET=<YOUR_CLIENT_SECRET>',
        'WEBHOOK_SECRET=xxxxxxxxxxxxxxxxxxxxxxxx',
        '"secretIcon": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGXRFWHRTb2Z0d2FyZQ",',
      ],
    },
  },
  {
    id: 'generic-token',
    description: 'A token assigned in code or config (ACME_TOKEN=…, "access_token": "…", auth_token = …)',
    keywords: ['token'],
    // Not the tokens of a flow, a page or a parser (csrf, next_page, lexer), nor those made for the
    // browser: public and link tokens (Plaid's), client tokens (Paddle's, Braintree's, Datadog RUM's).
    pattern: assignment(
      String.raw`token(?<!(?:csrf|xsrf|forgery|next|prev|previous|page|pagination|continuation|sync|cancel|cancellation|device|push|fcm|apns|form|request|resume|end|start|max|min|id|lexer|parser|syntax|reset|verification|confirm|confirmation|invite|invitation|magic|unsubscribe|captcha|turnstile|public|link|client|fake|dummy|test|sample|example|mock)[_.-]?token)`,
      `${SUFFIX}|secret|key`,
      16,
      512,
    ),
    entropy: 3.3,
    examples: {
      positive: ['ACME_TOKEN=ncB3 ~ 6Zw9nweuMKsNCBU1KeCw', '"access_token": "PW5V ~ Eg6NfQpYGBM7PbeZ6eMN",', "auth_token = 'ezY3 ~ IIQuZYxBqrcSFfP0f8Pk'"],
      negative: [
        'csrf_token = "DB30RgpyH04T1qHMiOncq7aX"',
        'token: ${{ secrets.GITHUB_TOKEN }}',
        '"token_type": "Bearer",',
        'next_page_token = "UI1nroZCIQFa0vpiKSAhWBdU"',
        'ACME_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxx',
        'commit_token: 3f786850e387550fdab836ed7e6dc881de23001b',
        // identifiers, member paths, labels: code where a value would be
        'type SemicolonToken = SemicolonToken$1;',
        'const hasExclamationToken = !!node.exclamationToken;',
        'lastSignificantToken = "?InterpolationInTemplate";',
        'export const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";',
        'if not self.dialect_set_by_tag and token == Comment.Special:',
        'accessToken: this.session?.accessToken!,',
        // a provider's prefix whose rule refused the value: a checksum that fails, a wrong length
        "//   token: 'ghp_PersonalAccessToken01245678900000000',",
        'GITHUB_TOKEN=gho_Q7mK2pX9wL4tR8vN3bJ6cH1dK5fG0hS2jA4l',
        'GH_TOKEN=github_pat_Q7mK2pX9wL4tR8vN3bJ6cH1d',
        'GITLAB_TOKEN=glpat-Q7mK2pX9wL4tR8v',
        'SLACK_TOKEN=xoxb-Q7mK2pX9wL4tR8vN3bJ6cH1d',
        '"access_token": "2YotnFZFEjr1zCsicMWpAA",',
        // references, placeholders, ids and hashes
        '  accessToken: process.env.ACME_ACCESS_TOKEN,',
        'token = os.environ.get("ACME_TOKEN")',
        'ACME_TOKEN=<YOUR_TOKEN>',
        'ACME_TOKEN=changeme',
        'auth_token: 7f1c8a7e-3b5d-4e2a-9c1f-6b8d2e4a0c3f',
        'token_integrity = "sha512-Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG8rZnJlZA=="',
        // a token made for the browser, by its name
        'DD_CLIENT_TOKEN=pub3c5e8f0a9b7d6c4e2f1a0b9c8d7e6f5a',
      ],
    },
  },
  {
    id: 'basic-auth-header',
    description: 'HTTP Basic credentials (Authorization: Basic <base64 of user:password>)',
    keywords: ['basic'],
    pattern: /\bbasic[ \t]{1,3}(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/i,
    entropy: 3,
    validate: basicCredential,
    examples: {
      positive: [
        'curl -H "Authorization: Basic ZGVw ~ bG95LWJvdDpWcTcjblIyeEx3OSFwWjRr" https://ci.acme-corp.io/api/builds',
        "headers: { Authorization: 'Basic Y2kt ~ cnVubmVyOmg4RnoyUW1YYzRMcDlSd1Q=' },",
        'req.Header.Set("Authorization", "Basic c3Zj ~ X3JlcG9ydHM6N0dxa1cybVpwWDlyTHM0VA==")',
      ],
      negative: [
        'Authorization: Basic dXNlcm5hbWU6cGFzc3dvcmQ=',
        'Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==',
        'Authorization: Basic ${BASIC_AUTH}',
        'Authorization: Basic <base64(user:pass)>',
        '// Basic authentication is configured below',
      ],
    },
  },
  {
    id: 'bearer-token',
    description: 'A Bearer token written into code (Authorization: Bearer <token>)',
    keywords: ['bearer'],
    // Not on a line that calls a documentation host (RFC 2606's example.com/.org/.net): a docs sample.
    pattern: new RegExp(
      String.raw`\bbearer(?<!${DOCS_HOST}[^\n]{0,300}bearer)[ \t]{1,3}(?<secret>[A-Za-z0-9][A-Za-z0-9._~+/-]{15,2047}={0,2})(?![A-Za-z0-9._~+/=-])(?![^\n]{0,300}${DOCS_HOST})`,
      'i',
    ),
    entropy: 3.3,
    // An opaque token mixes letters and digits; a JWT must pass the jwt rule's checks.
    validate: (token) => /\d/.test(token) && /[A-Za-z]/.test(token) && (/^eyJ[\w-]*\.[\w-]*\.[\w-]*=*$/.test(token) ? privateJwt(token) : true),
    examples: {
      positive: [
        'curl -H "Authorization: Bearer 2IuM ~ mwyk8U1htLsh89UzjANWy4ULgjFs" https://api.acme-corp.io/v1/orders',
        'headers = {"Authorization": "Bearer s1wq ~ 5Gbtjo37If1UliLMvQz2dtEEtL3Z"}',
        'Authorization: Bearer 1Xx/ ~ u+WXtQ5KN9dMPo9OPql4aDK1d9fg',
      ],
      negative: [
        'Authorization: Bearer ${API_TOKEN}',
        'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE',
        '"token_type": "Bearer",',
        'Authorization: Bearer <token>',
        "  -H 'Authorization: Bearer ${{ secrets.API_TOKEN }}'",
        'headers: { Authorization: `Bearer ${process.env.API_TOKEN}` },',
        // a documentation host's sample
        'fetch("https://example.org/api/orders", { headers: { Authorization: "Bearer 9fT2kLm8Qw3Zx7Rp4Vn6Bc1Hd5Gj0Ks" } })',
        'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      ],
    },
  },
  {
    id: 'npmrc-auth-token',
    description: 'A registry token in .npmrc (_authToken=) or .yarnrc.yml (npmAuthToken:)',
    keywords: ['_authtoken', 'npmauthtoken'],
    pattern: /(?:(?<![\w-])_authToken[ \t]{0,3}=|\bnpmAuthToken[ \t]{0,3}:)[ \t]{0,3}["']?(?<secret>[A-Za-z0-9][A-Za-z0-9._~+/=-]{15,511})(?![A-Za-z0-9._~+/=-])/i,
    entropy: 3,
    examples: {
      positive: [
        '//registry.npmjs.org/:_authToken=b672 ~ a800-f8f5-4cad-bba0-0c8579c2794f',
        '//npm.acme-corp.io/repository/npm-private/:_authToken=NpmT ~ oken.7c9e6679-7425-40de-944b-e07fc1f90ae7',
        '  npmAuthToken: "GoVm ~ u66IjngMxND57YAvAsZMLCojmyuu"',
      ],
      negative: [
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        '//registry.npmjs.org/:_authToken=',
        '//registry.npmjs.org/:_authToken=NPM_TOKEN_HERE',
        '  npmAuthToken: "${NPM_AUTH_TOKEN}"',
        '//registry.npmjs.org/:_authToken=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
        'echo "//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}" >> ~/.npmrc',
        // a GitHub token whose checksum fails (GitHub Packages' registry): github-pat's near miss
        '//npm.pkg.github.com/:_authToken=ghp_Q7mK2pX9wL4tR8vN3bJ6cH1dK5fG0hS2jA4l',
      ],
    },
  },
  {
    id: 'npmrc-auth',
    description: 'Registry credentials in .npmrc (_auth= base64 of user:password, _password= base64)',
    keywords: ['_auth', '_password'],
    pattern: /(?<![\w-])(?:_auth|_password)[ \t]{0,3}=[ \t]{0,3}["']?(?<secret>[A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/i,
    entropy: 3,
    validate: (encoded) => {
      const text = decodeBase64Text(encoded);
      if (text === undefined) return false;
      return text.includes(':') ? basicCredential(encoded) : text.length >= 8 && !isWeakPassword(text) && hardNegative(text, true) === undefined;
    },
    examples: {
      positive: [
        '//registry.acme-corp.io/:_auth=amVu ~ a2luczpUcTRtWjh2UngyTGs3V3A5',
        '_auth = "YWNt ~ ZS1jaTpXN3BMcTJaeDlSdlQ0bUtz"',
        '//npm.acme-corp.io/:_password=Ujd4 ~ SzJtUXA5THc0WnZUOA==',
      ],
      negative: ['_auth=${NPM_AUTH}', '//registry.acme-corp.io/:_auth=dXNlcm5hbWU6cGFzc3dvcmQ=', '//npm.acme-corp.io/:_password=cGFzc3dvcmQ=', 'DB_PASSWORD=Ujd4 ~ SzJtUXA5THc0WnZUOA=='],
    },
  },
  {
    id: 'pypirc-password',
    description: 'A password in a .pypirc [pypi] or [testpypi] section',
    keywords: ['pypi]'],
    pattern: new RegExp(String.raw`\[(?:test)?pypi\][ \t]{0,40}(?:\r?\n[ \t]{0,40}[^\s\[][^\n]{0,200}){0,6}?\r?\n[ \t]{0,40}password[ \t]{0,40}[:=][ \t]{0,40}(?<secret>\S{8,256})`),
    entropy: 3,
    validate: (password) => !isWeakPassword(password),
    examples: {
      positive: [
        ['[pypi]', 'username = acme-release', 'password = Rv8# ~ Lq2Zx7Wm4Tp9'].join('\n'),
        ['[testpypi]', 'repository = https://test.pypi.org/legacy/', 'username = acme-ci', 'password = Kz3W ~ q8Lm2Xr7Tp4N'].join('\n'),
        ['[pypi]', '  username: acme', '  password: Np4X ~ q9Lz2Wm7Rk3T'].join('\n'),
      ],
      negative: [
        ['[pypi]', 'username = __token__', 'password = ${PYPI_TOKEN}'].join('\n'),
        ['[pypi]', 'username = acme', 'password = <your password>'].join('\n'),
        ['[pypi]', 'username = __token__'].join('\n'),
        ['[pypi]', 'username = acme', '[other]', 'password = Rv8# ~ Lq2Zx7Wm4Tp9'].join('\n'),
      ],
    },
  },
  {
    id: 'docker-config-auth',
    description: 'Registry credentials in a Docker config.json ("auth": base64 of user:password)',
    keywords: ['"auth"'],
    pattern: /"auth"[ \t]{0,40}:[ \t]{0,40}"(?<secret>[A-Za-z0-9+/]{8,2048}={0,2})"/,
    entropy: 3,
    validate: basicCredential,
    examples: {
      positive: [
        '      "auth": "ZGVw ~ bG95LWJvdDpWcTcjblIyeEx3OSFwWjRr"',
        '{"auths":{"registry.acme-corp.io":{"auth":"Y2kt ~ cnVubmVyOmg4RnoyUW1YYzRMcDlSd1Q="}}}',
        '"https://index.docker.io/v1/": { "auth": "amVu ~ a2luczpUcTRtWjh2UngyTGs3V3A5" }',
      ],
      negative: [
        '"auth": "dXNlcm5hbWU6cGFzc3dvcmQ="',
        '"auth": ""',
        '"auth": "${DOCKER_AUTH}"',
        '"auth": "b2N0by1yb2JvdDpkY2tyX3BhdF94eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHg="',
      ],
    },
  },
];

/**
 * The rules that take any value by its name or its header (`api_key = …`, `Bearer …`,
 * `_authToken=…`): they stay quiet on a vendor's near miss (near-miss.ts), which the vendor's own
 * rule judges better.
 */
export const QUIET_ON_NEAR_MISSES: ReadonlySet<string> = new Set(['generic-password', 'generic-api-key', 'generic-secret', 'generic-token', 'bearer-token', 'npmrc-auth-token']);

function unbroken(example: string): string {
  return example.replaceAll(' ~ ', '');
}

export const GENERIC_RULES: readonly Rule[] = AS_WRITTEN.map((rule) => ({
  ...rule,
  examples: { positive: rule.examples.positive.map(unbroken), negative: rule.examples.negative.map(unbroken) },
}));
