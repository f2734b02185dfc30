import { ProblemError } from '../check/problems.js';
import type { HttpClient } from '../http/client.js';

/**
 * GitHub's credential revocation API (`POST /credentials/revoke`): unauthenticated (an
 * authenticated call is refused), up to 1000 credentials a request, 60 requests an hour.
 * https://docs.github.com/en/rest/credentials/revoke
 */
export const REVOKE_HOST = 'api.github.com';
export const REVOKE_BATCH = 1000;
/** Requests a run may make, well inside the 60 an hour that every run of the hour shares. */
export const REVOKE_MAX_REQUESTS = 5;

/** The kinds the API accepts: classic and fine-grained PATs, OAuth, GitHub App user-to-server and refresh tokens. */
const REVOCABLE = /^(?:ghp_|github_pat_|gho_|ghu_|ghr_)/;

export interface Revocation {
  status: 'submitted' | 'failed';
  message: string;
}

export function revocable(secret: string): boolean {
  return REVOCABLE.test(secret);
}

/**
 * Submits the secrets for revocation, in batches, through the provider HTTP layer (host-enforced,
 * masked, one time budget). Returns one outcome per secret.
 */
export async function revokeGitHubTokens(secrets: readonly string[], http: HttpClient): Promise<Map<string, Revocation>> {
  const outcomes = new Map<string, Revocation>();
  const unique = [...new Set(secrets)];
  for (let start = 0; start < unique.length; start += REVOKE_BATCH) {
    const batch = unique.slice(start, start + REVOKE_BATCH);
    if (start / REVOKE_BATCH >= REVOKE_MAX_REQUESTS) {
      for (const secret of batch) outcomes.set(secret, { status: 'failed', message: `not submitted: at most ${REVOKE_MAX_REQUESTS * REVOKE_BATCH} tokens are revoked a run` });
      continue;
    }
    const credential = Object.fromEntries(batch.map((secret, i) => [`c${i}`, secret]));
    const session = http.session({ base: new URL(`https://${REVOKE_HOST}/`), hosts: [REVOKE_HOST], credential, maxRequests: 1 });
    let outcome: Revocation;
    try {
      const response = await session.send({
        method: 'POST',
        url: '/credentials/revoke',
        headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
        json: { credentials: batch.map((_, i) => `\${c${i}}`) },
      });
      outcome =
        response.status === 202
          ? { status: 'submitted', message: "submitted to GitHub's credential revocation API (its owner is notified)" }
          : { status: 'failed', message: `GitHub's credential revocation API answered ${response.status}${detail(response.body)}` };
    } catch (error) {
      outcome = { status: 'failed', message: `GitHub's credential revocation API could not be reached: ${error instanceof ProblemError ? error.message : (error as Error).message}` };
    }
    for (const secret of batch) outcomes.set(secret, outcome);
  }
  return outcomes;
}

function detail(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' ? ` (${message.slice(0, 200)})` : '';
  } catch {
    return '';
  }
}
