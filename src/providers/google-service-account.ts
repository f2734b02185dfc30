import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { ProblemError } from '../check/problems.js';
import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { malformed, providerMessage, rejected, tryJson, valid } from './kit.js';
import type { Example, Provider, Verdict } from './provider.js';

// The JWT-bearer grant of a service account: developers.google.com/identity/protocols/oauth2/service-account
// ("Preparing to make an authorized API call" → HTTP/REST: iss, scope, aud, exp, iat; RS256; the
// token response). Key file fields: cloud.google.com/iam/docs/keys-create-delete. Refusals as Google
// words them: googleapis/google-cloud-python#10004 ("Invalid JWT Signature."), googleapis/google-api-ruby-client#720
// ("Robot is disabled."), GAM-team/GAM#1171 ("The account has been deleted").

const TOKEN_URL = 'https://oauth2.googleapis.com/token';
/** The token_uri of key files Google issued before oauth2.googleapis.com: the same grant, sent to TOKEN_URL. */
const LEGACY_TOKEN_URL = 'https://accounts.google.com/o/oauth2/token';
const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The token minted is never used; a read-only scope keeps it harmless all the same. */
const SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';
const PROJECT_ID = /^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

interface KeyFile {
  clientEmail: string;
  privateKey: string;
  projectId?: string;
  keyId?: string;
  /** Why the file would send the signed grant to another endpoint than Google's: refused. */
  elsewhere?: string;
}

/**
 * The fields the grant needs, or why the text is not a service-account key file. Messages name a
 * field in words and quote only members that are not secret, never the private key (nor
 * JSON.parse's error, which quotes the text).
 */
function readKeyFile(text: string): KeyFile | string {
  const file = tryJson(text) as Record<string, unknown> | undefined;
  if (!file || typeof file !== 'object' || Array.isArray(file)) return 'it is not a JSON object (the downloaded key file, whole)';
  if (file.type !== 'service_account') {
    const known = ['authorized_user', 'external_account', 'impersonated_service_account'];
    return typeof file.type === 'string' && known.includes(file.type) ? `it is a Google credential of type ${file.type}, not a service-account key` : 'its type is not service_account';
  }
  const clientEmail = file.client_email;
  if (typeof clientEmail !== 'string' || !/^[^@\s\p{C}]+@[^@\s\p{C}]+$/u.test(clientEmail)) return 'it has no client email (client_email)';
  const privateKey = file.private_key;
  if (typeof privateKey !== 'string' || !privateKey.includes('-----BEGIN PRIVATE KEY-----')) return 'it has no PKCS#8 private key (private_key)';
  const key: KeyFile = { clientEmail, privateKey };
  if (typeof file.project_id === 'string' && PROJECT_ID.test(file.project_id)) key.projectId = file.project_id;
  if (typeof file.private_key_id === 'string' && /^[0-9a-f]{20,64}$/.test(file.private_key_id)) key.keyId = file.private_key_id;
  if (file.token_uri !== undefined && file.token_uri !== TOKEN_URL && file.token_uri !== LEGACY_TOKEN_URL) {
    key.elsewhere = `its token_uri is ${quoted(file.token_uri)}, not ${TOKEN_URL}`;
  } else if (file.universe_domain !== undefined && file.universe_domain !== 'googleapis.com') {
    key.elsewhere = `its universe_domain is ${quoted(file.universe_domain)}, not googleapis.com`;
  }
  return key;
}

/** A value of the key file's readable members, shown safely. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(oneLine(value, 100)) : 'not a string';
}

/** Google's refusal of the grant, naming the account and key (key files are readable but for their private key). */
function refusal(res: HttpResponse, key: KeyFile): Verdict {
  const body = tryJson(res.body) as { error?: unknown; error_description?: unknown } | undefined;
  const error = typeof body?.error === 'string' ? body.error : undefined;
  const description = typeof body?.error_description === 'string' ? body.error_description : '';
  const said = providerMessage(res);
  const words = (text: string) => `${text} (${error}${said && said !== error ? `: ${said}` : ''})`;
  const account = `the service account ${key.clientEmail}`;
  const keyName = key.keyId ? `key ${key.keyId}` : 'the key';
  if (error === 'invalid_grant') {
    if (/short-lived|reasonable timeframe/i.test(description)) {
      throw new ProblemError('unexpected-response', words("Google refused the grant's time, not the key: this machine's clock is off"));
    }
    if (/has been deleted|is disabled/i.test(description)) return rejected('revoked', words(`${account} was deleted or disabled`), res);
    if (/invalid jwt signature/i.test(description)) return rejected('invalid', words(`Google does not accept the signature of ${keyName}: it was deleted or disabled, or is not a key of ${key.clientEmail}`), res);
    if (/account not found/i.test(description)) return rejected('invalid', words(`Google knows no service account ${key.clientEmail} (deleted, or a mistyped client_email)`), res);
    return rejected('invalid', words(`Google refused the grant of ${account}`), res);
  }
  if (error === 'deleted_client' || error === 'disabled_client') return rejected('revoked', words(`${account} was deleted or disabled`), res);
  if (error === 'invalid_client' || error === 'unauthorized_client') return rejected('invalid', words(`Google refused ${account}`), res);
  throw new ProblemError('unexpected-response', `${res.host} answered HTTP ${res.status}${said ? `: ${said}` : ''}`);
}

/** A key file refused before anything is sent. */
function unusable(why: string): Verdict {
  return { outcome: 'rejected', code: 'invalid', message: `not a usable service-account key file: ${why}; it was not sent` };
}

/** The JWT-bearer grant signed with the file's key; undefined when that key is not an RSA key jose can use. */
async function signedGrant(key: KeyFile): Promise<string | undefined> {
  const signingKey = await importPKCS8(key.privateKey, 'RS256').catch(() => undefined);
  if (!signingKey) return undefined;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: SCOPE })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(key.keyId ? { kid: key.keyId } : {}) })
    .setIssuer(key.clientEmail)
    .setAudience(TOKEN_URL)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(signingKey);
}

export const googleServiceAccount: Provider = {
  id: 'google-service-account',
  title: 'Google Cloud service account (JSON key file)',
  ping: 'a JWT grant signed with the key, `POST oauth2.googleapis.com/token` (read-only scope)',
  fields: [{ id: 'key', description: 'the whole JSON key file of the service account', multiline: true, rotates: true, secretMembers: ['private_key'] }],
  hosts: ['oauth2.googleapis.com'],
  apiRoot: 'https://oauth2.googleapis.com/',
  modes: { pattern: PROJECT_ID.source, description: 'the id of the Google Cloud project the key file names (project_id)' },
  can: { identity: true, scopes: false, expiry: false, mode: true, verifiesLeaks: true },
  formats: [/^\s*\{(?=[\s\S]*"type"\s*:\s*"service_account")(?=[\s\S]*"private_key"\s*:\s*"-----BEGIN PRIVATE KEY-----)[\s\S]*\}\s*$/],
  get examples() {
    return (builtExamples ??= exampleAnswers());
  },

  async check(credential, ctx) {
    const key = readKeyFile(credential.key!);
    if (typeof key === 'string') return unusable(key);
    if (key.elsewhere) throw new ProblemError('unexpected-response', `the key file was not used: ${key.elsewhere}`);
    const assertion = await signedGrant(key);
    if (!assertion) return unusable('its private key is not an RSA key of 2048 bits or more');
    // Anyone holding the signed grant could trade it for a token within the hour: a secret too.
    ctx.http.remember('assertion', assertion);
    const res = await ctx.http.send({ method: 'POST', url: '/token', form: { grant_type: GRANT, assertion: '${assertion}' } });
    if (res.status !== 200) return refusal(res, key);
    const token = (tryJson(res.body) as { access_token?: unknown } | undefined)?.access_token;
    if (typeof token !== 'string' || token === '') throw malformed(res, 'the service account grant', 'it has no access_token');
    ctx.http.remember('access-token', token);
    const notes = key.keyId ? [`key id: ${key.keyId}`] : undefined;
    return valid({ kind: 'service account key', identity: key.clientEmail, mode: key.projectId, notes }, res);
  },
};

let builtExamples: Example[] | undefined;

/**
 * The answers replayed by the examples test. A grant is signed for real, so the examples carry a
 * key file with an RSA key made on first use: no private key is ever written into the source.
 */
function exampleAnswers(): Example[] {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const file = {
    type: 'service_account',
    project_id: 'example-project',
    private_key_id: '0123456789abcdef0123456789abcdef01234567',
    private_key: privateKey,
    client_email: 'preflight@example-project.iam.gserviceaccount.com',
    client_id: '123456789012345678901',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: TOKEN_URL,
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: 'https://www.googleapis.com/robot/v1/metadata/x509/preflight%40example-project.iam.gserviceaccount.com',
    universe_domain: 'googleapis.com',
  };
  const credential = { key: JSON.stringify(file, null, 2) };
  const token = (status: number, body: object) => [{ method: 'POST' as const, path: '/token', status, body }];
  const grantRefused = (description: string) => token(400, { error: 'invalid_grant', error_description: description });
  return [
    {
      name: 'a working key',
      source: 'developers.google.com/identity/protocols/oauth2/service-account (the token response: access_token, token_type, expires_in); values hand-written',
      credential,
      responses: token(200, { access_token: 'ya29.c.EXAMPLEACCESSTOKEN0123456789', expires_in: 3599, token_type: 'Bearer' }),
      verdict: { outcome: 'valid', facts: { kind: 'service account key', identity: file.client_email, mode: 'example-project', notes: [`key id: ${file.private_key_id}`] } },
    },
    {
      name: 'a deleted key (or not this account\'s)',
      source: 'googleapis/google-cloud-python#10004 and google-github-actions/setup-gcloud#76 (a rotated key), pasted',
      credential,
      responses: grantRefused('Invalid JWT Signature.'),
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a disabled service account',
      source: 'googleapis/google-api-ruby-client#720, pasted',
      credential,
      responses: grantRefused('Robot is disabled.'),
      verdict: { outcome: 'rejected', code: 'revoked' },
    },
    {
      name: "this machine's clock is off",
      source: 'erebusnz/gapi-google-analytics-php-interface#147, pasted',
      credential,
      responses: grantRefused('Invalid JWT: Token must be a short-lived token and in a reasonable timeframe'),
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
    {
      name: 'a key file without its private key',
      source: 'hand-written: refused before anything is sent',
      credential: { key: JSON.stringify({ ...file, private_key: undefined }, null, 2) },
      responses: [],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a key file naming another token endpoint',
      source: 'hand-written: the signed grant is never sent anywhere but oauth2.googleapis.com',
      credential: { key: JSON.stringify({ ...file, token_uri: 'https://token.example.com/token' }, null, 2) },
      responses: [],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ];
}
