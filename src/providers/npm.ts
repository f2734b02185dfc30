import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { base62Crc32, hasValidCrc32Suffix } from './checksum.js';
import { jsonObject, malformed, rejected, unexpected, valid } from './kit.js';
import type { Example, Provider } from './provider.js';

// `npm whoami` is GET /-/whoami (docs.npmjs.com/cli/commands/npm-whoami; npm/cli
// mock-registry/lib/index.js answers it with `{ username }`). Token kinds and lifetimes:
// docs.npmjs.com/about-access-tokens; classic tokens were revoked for good on 2025-12-09
// (github.blog changelog, 2025-12-09). The npm_ checksum is GitHub's (src/providers/checksum.ts).
//
// A token whose checksum fails is still sent: npm has not published the checksum, so refusing on
// it offline could call a working token broken. As for GitHub, a failed checksum only explains a 401.

export const npm: Provider = {
  id: 'npm',
  title: 'npm (registry.npmjs.org, or a registry of your own)',
  ping: '`GET /-/whoami`',
  fields: [{ id: 'token', description: 'an npm access token (npm_…), as `_authToken` in .npmrc', rotates: true }],
  hosts: ['registry.npmjs.org'],
  apiRoot: 'https://registry.npmjs.org/',
  selfHosted: { example: 'https://npm.example.com/' },
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: true },
  // Legacy UUID tokens are left out: a UUID is too plain to be recognized as an npm token.
  formats: [/^npm_[A-Za-z0-9]{36}$/],
  examples: npmExamples(),

  async check(credential, ctx) {
    const token = credential.token!;
    const res = await ctx.http.send({ url: '-/whoami', auth: { bearer: '${token}' }, headers: { accept: 'application/json' } });
    if (res.status === 200) {
      const body = jsonObject(res, 'GET /-/whoami');
      if (typeof body.username !== 'string' || !body.username) throw malformed(res, 'GET /-/whoami', 'it has no "username"');
      return valid({ kind: token.startsWith('npm_') ? 'access token' : 'token of a legacy or registry-specific format', identity: oneLine(body.username, 200) }, res);
    }
    if (res.status === 401) return rejected('invalid', refusal(token, res), res);
    throw unexpected(res);
  },
};

function refusal(token: string, res: HttpResponse): string {
  let message = `${res.host} answered 401: the token is unknown, revoked or expired (npm does not say which)`;
  if (token.startsWith('npm_') && !hasValidCrc32Suffix(token, 'npm_')) message += '; its checksum does not match either, so it was probably truncated or mistyped when the secret was saved';
  if (res.host === 'registry.npmjs.org' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token)) {
    message += '; a UUID is a classic token, and npm revoked every classic token on 2025-12-09: create a granular access token';
  }
  return message;
}

function npmExamples(): Example[] {
  const random = 'EXAMPLEnpmTOKEN0123456789abcde';
  const token = `npm_${random}${base62Crc32(random)}`;
  return [
    {
      name: 'a working token',
      source: 'npm/cli mock-registry/lib/index.js (whoami: 200 { username })',
      credential: { token },
      responses: [{ path: '/-/whoami', status: 200, body: { username: 'npm-user' } }],
      verdict: { outcome: 'valid', facts: { identity: 'npm-user', kind: 'access token' } },
    },
    {
      name: 'an unknown, revoked or expired token',
      source: 'hand-written body; the 401 of GET /-/whoami as npm reports it ("npm error 401 Unauthorized - GET https://registry.npmjs.org/-/whoami")',
      credential: { token },
      responses: [{ path: '/-/whoami', status: 401, body: { error: 'Unauthorized' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a 200 without a username',
      source: 'hand-written: an answer that names nobody proves nothing',
      credential: { token },
      responses: [{ path: '/-/whoami', status: 200, body: {} }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ];
}
