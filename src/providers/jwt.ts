import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type CryptoKey, type JSONWebKeySet, type JWTVerifyGetKey, type ProtectedHeaderParameters } from 'jose';
import { ProblemError } from '../check/problems.js';
import type { HttpResponse, ProviderHttp } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { audiences, endpointProblems, endpointTarget, endpointUrl, HTTPS_URL, issuerNotes, scopeList, stringSetting, text } from './endpoint-setting.js';
import { fromEpochSeconds, jsonObject, malformed, unexpected } from './kit.js';
import type { Example, Provider, TokenFacts, Verdict } from './provider.js';

// JSON Web Token: https://www.rfc-editor.org/rfc/rfc7519 (§4.1 claims: iss, sub, aud, exp, nbf;
// §6 unsecured JWTs), JWS: https://www.rfc-editor.org/rfc/rfc7515, JWK Set: https://www.rfc-editor.org/rfc/rfc7517#section-5,
// scope / scp / roles claims: https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3 and RFC 8693 §4.2.
// The check is offline; with `jwks-url` its one request fetches the public keys (the token is not sent).

/** A clock a little ahead of the issuer's must not make a freshly minted token "not yet valid" (RFC 7519 §4.1.5 allows leeway). */
const NBF_LEEWAY_S = 60;

/** RFC 7515 Appendix A.3: the ES256 example JWS, its public key, and that key's private part (published in the RFC). */
const A3_JWS =
  'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q';
const A3_JWKS = { keys: [{ kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' }] };
/**
 * Signed for these examples with the RFC 7515 A.3 key (jose SignJWT): iss https://server.example.com/,
 * sub Z5O3upPC88QrAjx00dis, aud https://protected.example.net/resource, scope "orders:read
 * orders:write", azp preflight-ci, exp 2100-01-01.
 */
const SIGNED =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzY29wZSI6Im9yZGVyczpyZWFkIG9yZGVyczp3cml0ZSIsImF6cCI6InByZWZsaWdodC1jaSIsImlzcyI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tLyIsInN1YiI6Ilo1TzN1cFBDODhRckFqeDAwZGlzIiwiYXVkIjoiaHR0cHM6Ly9wcm90ZWN0ZWQuZXhhbXBsZS5uZXQvcmVzb3VyY2UiLCJpYXQiOjE0MTkzNTAyMzgsImV4cCI6NDEwMjQ0NDgwMH0.dg1Db-vURftoSwthbcYVigL0qkUn_EKY20xMQamCjs9o-1xBiJHoqI7l1ne8d-FhOF9kmwZZrKSA6LcDsBt-Hw';
/** SIGNED's claims with a later exp, under SIGNED's signature: what a forger would send. */
const FORGED = `${SIGNED.split('.')[0]}.${Buffer.from(JSON.stringify({ ...decodeJwt(SIGNED), exp: 4133980800 })).toString('base64url')}.${SIGNED.split('.')[2]}`;
/** RFC 7519 §3.1, the example JWT (HS256, exp 2011-03-22). */
const RFC7519_JWT = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
/** RFC 7519 §6.1, the example unsecured JWT (alg "none"). */
const UNSECURED = 'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';
const UNVERIFIED = 'signature NOT verified (no jwks-url): the claims are as written, anyone could have written them';
const WITH_JWKS = { 'jwks-url': 'https://server.example.com/.well-known/jwks.json' };
/** The JWKS URL answering with the RFC 7515 A.3 public key. */
const KEY_SET = [{ path: '/.well-known/jwks.json', status: 200, body: A3_JWKS }];

const examples: Example[] = [
  {
    name: 'a signed token, signature verified with the JWKS',
    source: 'hand-signed with the RFC 7515 Appendix A.3 example key; the JWKS is that key\'s public part (RFC 7515 A.3.1)',
    credential: { token: SIGNED },
    settings: { ...WITH_JWKS, issuer: 'https://server.example.com/', audience: 'https://protected.example.net/resource' },
    responses: KEY_SET,
    verdict: {
      outcome: 'valid',
      facts: {
        kind: 'JWT (ES256)',
        identity: 'Z5O3upPC88QrAjx00dis',
        scopes: ['orders:read', 'orders:write'],
        expiresAt: new Date(4102444800_000),
        notes: ['issuer: https://server.example.com/', 'audience: https://protected.example.net/resource', 'signature verified with a key of server.example.com'],
      },
    },
  },
  {
    name: 'a token read offline, signature not verified',
    source: 'hand-signed with the RFC 7515 Appendix A.3 example key; no jwks-url, so no request',
    credential: { token: SIGNED },
    responses: [],
    verdict: { outcome: 'valid', facts: { identity: 'Z5O3upPC88QrAjx00dis', notes: ['issuer: https://server.example.com/', 'audience: https://protected.example.net/resource', UNVERIFIED] } },
  },
  {
    name: 'the RFC 7515 example: signature good, expired',
    source: 'RFC 7515 Appendix A.3 (the ES256 JWS and its key); its exp is 2011-03-22',
    credential: { token: A3_JWS },
    settings: WITH_JWKS,
    responses: KEY_SET,
    verdict: { outcome: 'rejected', code: 'expired' },
  },
  {
    name: 'the RFC 7519 example, read offline: expired',
    source: 'RFC 7519 §3.1, the example JWT',
    credential: { token: RFC7519_JWT },
    responses: [],
    verdict: { outcome: 'rejected', code: 'expired' },
  },
  {
    name: 'altered claims under the original signature',
    source: 'hand-made from the token above: its payload changed, its signature kept',
    credential: { token: FORGED },
    settings: WITH_JWKS,
    responses: KEY_SET,
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
  {
    name: 'an unsecured JWT (alg none)',
    source: 'RFC 7519 §6.1, the example unsecured JWT',
    credential: { token: UNSECURED },
    responses: [],
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
  {
    name: 'a token for another audience',
    source: 'hand-signed with the RFC 7515 Appendix A.3 example key',
    credential: { token: SIGNED },
    settings: { audience: 'https://api.other.example' },
    responses: [],
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
  {
    name: 'not a JWT',
    source: 'hand-written: an opaque token configured under provider jwt',
    credential: { token: 'opaque-token-0123456789abcdef' },
    responses: [],
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
  {
    name: 'the JWKS URL answering 404',
    source: 'hand-written: without the keys nothing can be said about the signature',
    credential: { token: SIGNED },
    settings: WITH_JWKS,
    responses: [{ ...KEY_SET[0]!, status: 404, body: { error: 'not_found' } }],
    verdict: { outcome: 'unknown', code: 'unexpected-response' },
  },
  {
    name: 'an HS256 token with a JWKS URL',
    source: 'RFC 7519 §3.1, the example JWT: a shared-secret signature, which public keys cannot verify',
    credential: { token: RFC7519_JWT },
    settings: WITH_JWKS,
    responses: [],
    verdict: { outcome: 'unknown', code: 'unexpected-response' },
  },
];

/** A JWT read offline: its claims, and its signature when `jwks-url` names the issuer's public keys. */
export const jwt: Provider = {
  id: 'jwt',
  title: 'JWT (claims read offline; signature checked against a JWKS URL)',
  ping: 'none: claims read offline; with `jwks-url`, `GET` of the key set (the token is not sent)',
  hostsFrom: 'the host of `jwks-url` (the key set only; the token is never sent)',
  fields: [{ id: 'token', description: 'a JSON Web Token (header.payload.signature)', rotates: true }],
  hosts: [],
  apiRoot: '',
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: false },
  settings: {
    properties: {
      issuer: { type: 'string', minLength: 1, description: 'The iss claim the token must carry.' },
      audience: { type: 'string', minLength: 1, description: 'A value the aud claim must hold.' },
      'jwks-url': { ...HTTPS_URL, description: "The issuer's JWK Set (its metadata's jwks_uri): fetched to verify the signature; the token itself is not sent." },
    },
  },
  // Compact JWS whose header and claims are JSON objects (`{"` is base64url `eyJ`); the signature is empty when unsecured.
  formats: [/^eyJ[A-Za-z0-9_-]{16,}\.eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*$/],
  examples,

  async check(credential, ctx) {
    const token = credential.token ?? '';
    const read = readJwt(token);
    if ('outcome' in read) return read;
    const { header, claims } = read;
    // "None" and "NONE" too: some verifiers compared case-insensitively and were fooled by them.
    if (String(header.alg).toLowerCase() === 'none') return refused('is unsigned (alg "none"): anyone can write such a token, so it is refused');
    let latencyMs: number | undefined;
    let signature = UNVERIFIED;
    if (ctx.settings['jwks-url'] !== undefined) {
      const checked = await verifySignature(token, header, endpointUrl(ctx.settings, 'jwks-url'), ctx.http);
      if ('outcome' in checked) return checked;
      ({ latencyMs } = checked);
      signature = `signature verified with a key of ${checked.host}${header.kid ? ` (kid ${oneLine(String(header.kid), 80)})` : ''}`;
    }
    const problem = claimProblem(claims, ctx.settings, Date.now());
    if (problem) return { ...problem, latencyMs };
    return { outcome: 'valid', facts: factsOf(header, claims, signature), latencyMs };
  },

  fromSettings: (settings) => endpointTarget(settings['jwks-url']),
  settingsProblems: (settings) => endpointProblems(settings, 'jwks-url'),
};

function refused(message: string, code: 'invalid' | 'expired' = 'invalid'): Verdict {
  return { outcome: 'rejected', code, message };
}

/** Header and claims, or why the value is not a JWT (never quoting it). */
function readJwt(token: string): { header: ProtectedHeaderParameters; claims: Record<string, unknown> } | Verdict {
  const parts = token.split('.').length;
  if (parts === 5) throw new ProblemError('unexpected-response', 'is an encrypted JWT (JWE): its claims cannot be read without the decryption key');
  if (parts !== 3) return refused('is not a JWT: expected three base64url parts separated by dots (header.payload.signature)');
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return refused('is not a JWT: its header is not base64url-encoded JSON');
  }
  if (typeof header.alg !== 'string') return refused('is not a JWT: its header has no "alg"');
  try {
    return { header, claims: decodeJwt(token) };
  } catch {
    return refused('is not a JWT: its payload is not a base64url-encoded JSON claims set');
  }
}

/** Fetches the JWK Set (no credential on the request) and checks the signature against it. */
async function verifySignature(token: string, header: ProtectedHeaderParameters, url: string, http: ProviderHttp): Promise<{ host: string; latencyMs: number } | Verdict> {
  const alg = oneLine(String(header.alg), 20);
  if (/^HS\d+$/.test(alg)) {
    throw new ProblemError('unexpected-response', `is signed with ${alg}, a shared secret: the public keys of jwks-url cannot verify it, so its signature was not checked`);
  }
  const res = await http.send({ url, headers: { accept: 'application/json' } });
  if (res.status !== 200) throw unexpected(res, '; the JWK Set could not be read, so the signature was not checked');
  const keys = keySet(res);
  try {
    await verifyWithAny(token, keys);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // jose checks exp and nbf only once the signature is good: those are judged below, as without a JWKS.
    if (code === 'ERR_JWT_EXPIRED' || code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return { host: res.host, latencyMs: res.latencyMs };
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return refused(`has a signature that no key of ${res.host} verifies: forged or altered`);
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') {
      const kid = header.kid ? `kid ${oneLine(String(header.kid), 80)}, ` : '';
      return refused(`was signed by a key ${res.host} does not publish (${kid}${alg}): another issuer, or a key since retired`);
    }
    if (code === 'ERR_JOSE_NOT_SUPPORTED' || code === 'ERR_JOSE_ALG_NOT_ALLOWED') throw new ProblemError('unexpected-response', `is signed with ${alg}, which cannot be verified here`);
    if (code === 'ERR_JWS_INVALID' || code === 'ERR_JWT_INVALID') return refused('is not a well-formed signed JWT');
    if (code === 'ERR_JWKS_INVALID' || code === 'ERR_JWK_INVALID') throw malformed(res, 'the JWKS request', 'its key set holds a key that cannot be used');
    throw error;
  }
  return { host: res.host, latencyMs: res.latencyMs };
}

function keySet(res: HttpResponse): JWTVerifyGetKey {
  const body = jsonObject(res, 'the JWKS request');
  try {
    return createLocalJWKSet(body as unknown as JSONWebKeySet);
  } catch {
    throw malformed(res, 'the JWKS request', 'its body is not a JWK Set ({"keys": [...]})');
  }
}

/** Several keys may match (no kid, or a kid reused across a rotation): any one of them may verify. */
async function verifyWithAny(token: string, keys: JWTVerifyGetKey): Promise<void> {
  try {
    await jwtVerify(token, keys);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
    for await (const key of error as AsyncIterable<CryptoKey>) {
      try {
        await jwtVerify(token, key);
        return;
      } catch (inner) {
        if ((inner as { code?: string }).code !== 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') throw inner;
      }
    }
    throw Object.assign(new Error('no matching key verifies the signature'), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  }
}

/** Issuer, audience, not-before and expiry, as the config and RFC 7519 §4.1 require. */
function claimProblem(claims: Record<string, unknown>, settings: Readonly<Record<string, unknown>>, now: number): Verdict | undefined {
  const issuer = stringSetting(settings, 'issuer');
  const iss = text(claims.iss);
  if (issuer !== undefined && claims.iss !== issuer) {
    return refused(iss ? `was issued by ${JSON.stringify(iss)}, expected ${JSON.stringify(issuer)}` : `has no iss claim, expected ${JSON.stringify(issuer)}`);
  }
  const audience = stringSetting(settings, 'audience');
  const aud = audiences(claims.aud);
  if (audience !== undefined && !aud.includes(audience)) {
    const has = aud.length ? `is for audience ${aud.map((a) => JSON.stringify(text(a))).join(', ')}` : 'has no aud claim';
    return refused(`${has}, expected ${JSON.stringify(audience)}`);
  }
  for (const claim of ['nbf', 'exp'] as const) {
    if (claims[claim] !== undefined && !fromEpochSeconds(claims[claim])) return refused(`has an ${claim} claim that is not a date (RFC 7519 NumericDate)`);
  }
  const nbf = fromEpochSeconds(claims.nbf);
  if (nbf && nbf.getTime() > now + NBF_LEEWAY_S * 1000) return refused(`is not valid before ${nbf.toISOString()}`);
  const exp = fromEpochSeconds(claims.exp);
  if (exp && exp.getTime() <= now) return refused(`expired at ${exp.toISOString()}`, 'expired');
  return undefined;
}

function factsOf(header: ProtectedHeaderParameters, claims: Record<string, unknown>, signature: string): TokenFacts {
  const facts: TokenFacts = { kind: `JWT (${oneLine(String(header.alg), 20)})` };
  const identity = text(claims.sub) ?? text(claims.azp) ?? text(claims.client_id);
  if (identity) facts.identity = identity;
  // `scope` (RFC 9068, RFC 8693 §4.2), else `scp` (as Azure AD and Okta write it), else `roles`.
  const scopes = scopeList(claims.scope) ?? scopeList(claims.scp) ?? scopeList(claims.roles);
  if (scopes) facts.scopes = scopes;
  // No exp: the token itself never expires (its issuer may still refuse it).
  const exp = fromEpochSeconds(claims.exp);
  if (claims.exp === undefined) facts.expiresAt = null;
  else if (exp) facts.expiresAt = exp;
  facts.notes = [...issuerNotes(claims), signature];
  return facts;
}
