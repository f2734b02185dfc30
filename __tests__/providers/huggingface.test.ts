// Hugging Face through the whole engine: the token's role as its scope (a write token reads too),
// fine-grained permissions against allow-scopes, and the expiry of a token that has one.
// Answer shapes: huggingface/huggingface.js who-am-i types (see src/providers/huggingface.ts).
import { describe, expect, it } from 'vitest';
import { runEngine, tokenSpec } from '../helpers/engine.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import type { TokenSpec } from '../../src/config/types.js';

const mock = useMockAgent();
const TOKEN = 'hf_SENTINELhuggingfaceTOKENabcdefghijkl';
const NOW = new Date('2026-06-01T00:00:00Z');

function whoami(accessToken: object) {
  const seen: string[] = [];
  mock().get('https://huggingface.co').intercept({ path: '/api/whoami-v2', method: 'GET' }).reply((req) => {
    seen.push(String((req.headers as Record<string, string>).authorization));
    const body = { type: 'user', id: '62f264b9f3c90f4b6514a269', name: 'alice', orgs: [], auth: { type: 'access_token', accessToken } };
    return { statusCode: 200, data: JSON.stringify(body), responseOptions: { headers: { 'content-type': 'application/json' } } };
  });
  return seen;
}

const spec = (overrides: Partial<TokenSpec> = {}) => tokenSpec('huggingface', { token: 'HF_TOKEN' }, overrides);

async function run(token: TokenSpec) {
  return (await runEngine([token], { HF_TOKEN: TOKEN }, mock(), { now: () => NOW })).token;
}

describe('huggingface', () => {
  it('takes a write token to include read, and names the user', async () => {
    const seen = whoami({ displayName: 'ci', role: 'write' });
    const token = await run(spec({ requireScopes: ['read'], expectIdentity: 'alice' }));
    expect(seen).toEqual([`Bearer ${TOKEN}`]);
    expect(token).toMatchObject({ status: 'ok', identity: 'alice', scopes: ['write'], kind: 'write access token' });
  });

  it('flags a write token where allow-scopes says read', async () => {
    whoami({ displayName: 'ci', role: 'write' });
    const token = await run(spec({ allowScopes: ['read'] }));
    expect(token.problems).toMatchObject([{ code: 'excess-scope', message: expect.stringContaining('"write"') }]);
  });

  it('reads a fine-grained token’s permissions and its expiry, and warns before it expires', async () => {
    whoami({
      displayName: 'ci',
      role: 'fineGrained',
      expiration: '2026-06-05T00:00:00.000Z',
      fineGrained: { global: [], scoped: [{ entity: { type: 'org', name: 'acme' }, permissions: ['repo.content.read', 'repo.write'] }] },
    });
    const token = await run(spec({ requireScopes: ['repo.content.read'] }));
    expect(token).toMatchObject({ scopes: ['repo.content.read', 'repo.write'], expiresAt: '2026-06-05T00:00:00.000Z', notes: ['scoped to org acme', 'token name: ci'] });
    expect(token.problems).toMatchObject([{ code: 'expiring-soon' }]);
  });

  it('does not pass an expiration it cannot read', async () => {
    whoami({ displayName: 'ci', role: 'read', expiration: 'next week' });
    const token = await run(spec());
    expect(token.problems).toMatchObject([{ code: 'unexpected-response', message: expect.stringContaining('"expiration" is not a date') }]);
  });
});
