import type { HttpResponse } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { impliedScopes, jsonObject, malformed, parseDate, providerMessage, rejected, unexpected, valid } from './kit.js';
import type { Provider, TokenFacts } from './provider.js';

// Call: GET https://huggingface.co/api/whoami-v2 (huggingface.co/docs/hub/api; the answer's types:
// huggingface/huggingface.js packages/hub/src/types/api/api-who-am-i.ts — `auth.accessToken`
// {displayName, role, expiration?}; fine-grained permissions `fineGrained.global[]` and
// `fineGrained.scoped[] {entity, permissions[]}` as trufflesecurity/trufflehog reads them in
// pkg/analyzer/analyzers/huggingface). Tokens: huggingface.co/docs/hub/security-tokens.
// Formats: the gitleaks rules huggingface-access-token and huggingface-organization-api-token.

interface WhoAmI {
  name?: unknown;
  type?: unknown;
  orgs?: unknown;
  auth?: {
    type?: unknown;
    accessToken?: {
      displayName?: unknown;
      role?: unknown;
      expiration?: unknown;
      fineGrained?: { global?: unknown; scoped?: Array<{ entity?: { type?: unknown; name?: unknown }; permissions?: unknown }> };
    };
  };
}

/** Roles that include narrower ones: a write token reads too. */
const IMPLIED: Record<string, string[]> = { admin: ['write', 'contributor', 'read'], write: ['contributor', 'read'], contributor: ['read'] };

/**
 * GET /api/whoami-v2 answered to the CI bot of @huggingface/hub: huggingface/huggingface.js,
 * packages/hub/src/lib/who-am-i.spec.ts ("should fetch identity info"), a live answer of the Hub's
 * CI instance (its `createdAt`, normalized by the test, left out).
 */
const WRITE_TOKEN = {
  type: 'user',
  id: '62f264b9f3c90f4b6514a269',
  name: 'hub.js',
  fullname: '@huggingface/hub CI bot',
  email: 'eliott@huggingface.co',
  emailVerified: true,
  canPay: false,
  isPro: false,
  periodEnd: null,
  avatarUrl: '/avatars/934b830e9fdaa879487852f79eef7165.svg',
  billingMode: 'postpaid',
  orgs: [],
  auth: { type: 'access_token', accessToken: { displayName: 'ci-hub.js', role: 'write' } },
};

export const huggingface: Provider = {
  id: 'huggingface',
  title: 'Hugging Face',
  ping: '`GET /api/whoami-v2`',
  fields: [{ id: 'token', description: 'a user access token (hf_…)', rotates: true }],
  hosts: ['huggingface.co'],
  apiRoot: 'https://huggingface.co/',
  can: { identity: true, scopes: true, expiry: true, mode: false, verifiesLeaks: true },
  formats: [/^hf_[A-Za-z]{34}$/, /^api_org_[A-Za-z]{34}$/],

  async check(_credential, ctx) {
    const res = await ctx.http.send({ url: 'api/whoami-v2', auth: { bearer: '${token}' } });
    if (res.status === 401) {
      const said = providerMessage(res);
      return rejected('invalid', `Hugging Face refused the token (HTTP 401${said ? `: ${said}` : ''}): it is unknown, revoked or expired`, res);
    }
    if (res.status !== 200) throw unexpected(res);
    const body = jsonObject(res, 'GET /api/whoami-v2') as WhoAmI;
    if (typeof body.name !== 'string' || !body.name) throw malformed(res, 'GET /api/whoami-v2', 'it has no "name"');
    return valid({ identity: body.name, ...tokenFacts(body, res) }, res);
  },

  expandScopes: impliedScopes(IMPLIED),

  examples: [
    {
      name: 'a write token',
      source: 'huggingface/huggingface.js packages/hub/src/lib/who-am-i.spec.ts ("should fetch identity info")',
      responses: [{ path: '/api/whoami-v2', status: 200, body: WRITE_TOKEN }],
      verdict: { outcome: 'valid', facts: { identity: 'hub.js', kind: 'write access token', scopes: ['write'], notes: ['token name: ci-hub.js'] } },
    },
    {
      name: 'a fine-grained token that expires',
      source:
        'hand-written from the fields huggingface/huggingface.js (api-who-am-i.ts: accessToken.expiration) and trufflesecurity/trufflehog (pkg/analyzer/analyzers/huggingface: fineGrained.global, scoped) read',
      responses: [
        {
          path: '/api/whoami-v2',
          status: 200,
          body: {
            ...WRITE_TOKEN,
            auth: {
              type: 'access_token',
              accessToken: {
                displayName: 'ci-read',
                role: 'fineGrained',
                expiration: '2027-01-31T00:00:00.000Z',
                fineGrained: {
                  global: ['discussion.write'],
                  scoped: [{ entity: { type: 'model', name: 'hub.js/model', _id: '66a0c0ffee' }, permissions: ['repo.content.read'] }],
                },
              },
            },
          },
        },
      ],
      verdict: {
        outcome: 'valid',
        facts: {
          kind: 'fine-grained access token',
          scopes: ['discussion.write', 'repo.content.read'],
          expiresAt: new Date('2027-01-31T00:00:00.000Z'),
          notes: ['scoped to model hub.js/model', 'token name: ci-read'],
        },
      },
    },
    {
      name: 'an unknown token',
      source: 'huggingface/huggingface_hub#3368 (the 401 body of GET /api/whoami as quoted there)',
      responses: [{ path: '/api/whoami-v2', status: 401, body: { error: 'Invalid credentials in Authorization header' } }],
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a captive portal answering 200 with HTML',
      source: 'hand-written: a 200 that is not the whoami answer must not pass',
      responses: [{ path: '/api/whoami-v2', status: 200, headers: { 'content-type': 'text/html' }, body: '<html>Sign in to the network</html>' }],
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
};

function tokenFacts(body: WhoAmI, res: HttpResponse): TokenFacts {
  const token = body.auth?.accessToken;
  const role = typeof token?.role === 'string' ? token.role : undefined;
  const facts: TokenFacts = { kind: role ? `${role === 'fineGrained' ? 'fine-grained' : role} access token` : 'token' };
  if (body.type === 'org') facts.kind = 'organization token';
  if (role === 'fineGrained') {
    const { scopes, entities } = fineGrained(token?.fineGrained);
    facts.scopes = scopes;
    if (entities.length) facts.notes = [`scoped to ${entities.join(', ')}`];
  } else if (role) {
    facts.scopes = [role];
  }
  if (token?.expiration !== undefined && token.expiration !== null) {
    const date = typeof token.expiration === 'string' ? parseDate(token.expiration) : undefined;
    if (!date) throw malformed(res, 'GET /api/whoami-v2', 'its token "expiration" is not a date');
    facts.expiresAt = date;
  }
  if (typeof token?.displayName === 'string' && token.displayName) facts.notes = [...(facts.notes ?? []), `token name: ${oneLine(token.displayName, 80)}`];
  return facts;
}

/** Every permission the token holds anywhere (global ones and those scoped to a user, org or repo), and where. */
function fineGrained(grants: NonNullable<NonNullable<WhoAmI['auth']>['accessToken']>['fineGrained']): { scopes: string[]; entities: string[] } {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);
  const scopes = new Set(strings(grants?.global));
  const entities: string[] = [];
  for (const grant of Array.isArray(grants?.scoped) ? grants.scoped : []) {
    strings(grant.permissions).forEach((permission) => scopes.add(permission));
    const { type, name } = grant.entity ?? {};
    if (typeof name === 'string' && name) entities.push(`${typeof type === 'string' ? `${type} ` : ''}${oneLine(name, 60)}`);
  }
  return { scopes: [...scopes], entities };
}
