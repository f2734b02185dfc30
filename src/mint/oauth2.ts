import { ProblemError } from '../check/problems.js';
import type { HttpClient } from '../http/client.js';
import type { Auth, HttpResponse } from '../http/types.js';
import { endpointProblem } from '../providers/endpoint-setting.js';
import type { OAuth2Mint } from './types.js';

export interface ClientToken {
  token: string;
  /** From `expires_in`, when the server says. */
  expiresAt?: Date;
  scopes?: string[];
  tokenType?: string;
}

const MAX_EXPIRES_IN_S = 10 * 365 * 86_400;

/**
 * RFC 6749 §4.4: the client credentials grant, through the provider HTTP layer (the client secret
 * goes to the token URL's host only; redirects refused; one time budget). The client authenticates
 * by HTTP Basic (form-urlencoded first, §2.3.1) or in the form (`client_secret_post`).
 */
export async function mintClientToken(spec: OAuth2Mint, values: { clientId: string; clientSecret: string }, http: HttpClient, now: Date): Promise<ClientToken> {
  const url = usable(spec.tokenUrl, 'token-url');
  const session = http.session({ base: new URL(url.origin), hosts: [url.host], credential: { 'client-id': values.clientId, 'client-secret': values.clientSecret }, maxRequests: 1 });
  const form: Record<string, string> = { grant_type: 'client_credentials' };
  if (spec.scope) form.scope = spec.scope;
  const res = await session.send({ method: 'POST', url: url.href, headers: { accept: 'application/json' }, form, ...clientAuth(spec, form) });
  if (res.status !== 200) throw refusal(res, 'the token endpoint');
  const body = json(res);
  const token = body.access_token;
  if (typeof token !== 'string' || token.length === 0) throw new ProblemError('unexpected-response', 'the token endpoint answered 200 without an access_token (RFC 6749 §5.1)');
  session.remember?.('minted', token);
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : typeof body.expires_in === 'string' && /^\d+$/.test(body.expires_in) ? Number(body.expires_in) : undefined;
  return {
    token,
    ...(expiresIn !== undefined && expiresIn > 0 && expiresIn <= MAX_EXPIRES_IN_S && { expiresAt: new Date(now.getTime() + expiresIn * 1000) }),
    ...(typeof body.scope === 'string' ? { scopes: body.scope.split(' ').filter(Boolean) } : spec.scope ? { scopes: spec.scope.split(' ').filter(Boolean) } : {}),
    ...(typeof body.token_type === 'string' && { tokenType: body.token_type }),
  };
}

/** RFC 7009: the token revoked at `revocation-url`; 200 means revoked (or already invalid). */
export async function revokeClientToken(revocationUrl: string, token: string, values: { clientId: string; clientSecret: string }, authMethod: OAuth2Mint['authMethod'], http: HttpClient): Promise<void> {
  const url = usable(revocationUrl, 'revocation-url');
  const session = http.session({ base: new URL(url.origin), hosts: [url.host], credential: { token, 'client-id': values.clientId, 'client-secret': values.clientSecret }, maxRequests: 1 });
  const form: Record<string, string> = { token: '${token}', token_type_hint: 'access_token' };
  const res = await session.send({ method: 'POST', url: url.href, form, ...clientAuth({ authMethod }, form) });
  if (res.status !== 200) throw refusal(res, 'the revocation endpoint');
}

function usable(value: string, key: string): URL {
  const problem = endpointProblem(value);
  if (problem) throw new ProblemError('unexpected-response', `${key} ${problem}`);
  return new URL(value);
}

/** Basic (the default) adds an `auth`; `client_secret_post` puts the pair in the form. */
function clientAuth(spec: Pick<OAuth2Mint, 'authMethod'>, form: Record<string, string>): { auth?: Auth } {
  if (spec.authMethod === 'client_secret_post') {
    Object.assign(form, { client_id: '${client-id}', client_secret: '${client-secret}' });
    return {};
  }
  return { auth: { basic: { username: '${client-id}', password: '${client-secret}', encode: 'form' } } };
}

function json(res: HttpResponse): Record<string, unknown> {
  try {
    const body = JSON.parse(res.body) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ProblemError('unexpected-response', `${res.host} answered ${res.status} with a body that is not a JSON object`);
}

/** RFC 6749 §5.2 errors: a refused client is `invalid`; anything else unexpected. */
function refusal(res: HttpResponse, what: string): ProblemError {
  let error = '';
  let description = '';
  try {
    const body = JSON.parse(res.body) as { error?: unknown; error_description?: unknown };
    if (typeof body.error === 'string') error = body.error.slice(0, 60);
    if (typeof body.error_description === 'string') description = body.error_description.slice(0, 200);
  } catch {
    // not JSON
  }
  const said = error ? ` (${error}${description ? `: ${description}` : ''})` : '';
  if (res.status === 401 || error === 'invalid_client' || error === 'unauthorized_client') return new ProblemError('invalid', `${what} refused the client credentials: HTTP ${res.status}${said}`);
  return new ProblemError('unexpected-response', `${what} answered HTTP ${res.status}${said}`);
}
