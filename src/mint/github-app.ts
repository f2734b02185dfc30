import { GitHub } from '@actions/github/lib/utils';
import { createAppAuth, type InstallationAccessTokenAuthentication } from '@octokit/auth-app';
import { apiBase } from '../action/github-api.js';
import { VERSION } from '../version.js';
import type { GitHubAppMint } from './types.js';

export interface AppToken {
  token: string;
  expiresAt: Date;
  /** The permissions GitHub granted, as `name:level`. */
  permissions: string[];
  /** `all`, or the repositories it is narrowed to. */
  repositories: string;
}

export interface AppClientOptions {
  /** GITHUB_API_URL; api.github.com when unset. */
  apiUrl?: string;
  /** Tests only: Octokit's fetch (otherwise @actions/github's proxy-aware one). */
  fetch?: typeof globalThis.fetch;
  signal?: AbortSignal;
}

/**
 * An installation token of a GitHub App, through @actions/github's Octokit (proxy-aware, GHES-aware)
 * with @octokit/auth-app as its auth strategy, which signs the app's JWT: the installation is looked
 * up on the first named repository (or the workflow's own), and the token narrowed to the
 * repositories and permissions asked for.
 * https://docs.github.com/en/rest/apps/apps#create-an-installation-access-token-for-an-app
 */
export async function mintAppToken(spec: GitHubAppMint, values: { appId: string; privateKey: string }, context: { owner: string; repo: string }, options: AppClientOptions = {}): Promise<AppToken> {
  const app = new GitHub({
    authStrategy: createAppAuth,
    auth: { appId: values.appId, privateKey: values.privateKey },
    baseUrl: apiBase(options.apiUrl),
    userAgent: `token-preflight/${VERSION}`,
    request: { ...(options.signal && { signal: options.signal }), ...(options.fetch && { fetch: options.fetch }) },
  });
  const owner = spec.owner ?? context.owner;
  const { data: installation } = await app.rest.apps.getRepoInstallation({ owner, repo: spec.repositories?.[0] ?? context.repo });
  const minted = (await app.auth({
    type: 'installation',
    installationId: installation.id,
    ...(spec.repositories && { repositoryNames: spec.repositories }),
    ...(spec.permissions && { permissions: spec.permissions }),
  })) as InstallationAccessTokenAuthentication;
  return {
    token: minted.token,
    expiresAt: new Date(minted.expiresAt),
    permissions: Object.entries(minted.permissions ?? {}).map(([name, level]) => `${name}:${String(level)}`),
    repositories: minted.repositorySelection === 'all' ? 'all' : (minted.repositoryNames ?? spec.repositories ?? []).join(', '),
  };
}

/** `DELETE /installation/token`, authenticated by the token itself: 204 when revoked. */
export async function revokeAppToken(token: string, options: AppClientOptions = {}): Promise<void> {
  const octokit = new GitHub({
    auth: token,
    baseUrl: apiBase(options.apiUrl),
    userAgent: `token-preflight/${VERSION}`,
    request: { ...(options.signal && { signal: options.signal }), ...(options.fetch && { fetch: options.fetch }) },
  });
  await octokit.rest.apps.revokeInstallationAccessToken();
}
