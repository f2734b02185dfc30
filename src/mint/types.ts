import type { SourceRef } from '../config/types.js';

/** A `mint:` entry of the config: a short-lived token for the rest of the job (docs/contract.md). */
export type MintSpec = GitHubAppMint | OAuth2Mint;

interface MintCommon {
  /** Its row in the report. */
  name: string;
  /** The variable later steps read it from (exported masked). */
  export: string;
  source: SourceRef;
}

/** A GitHub App installation token. Variables hold the app id and its private key. */
export interface GitHubAppMint extends MintCommon {
  provider: 'github-app';
  appIdVariable: string;
  privateKeyVariable: string;
  /** The installation's owner; default: the workflow's repository owner. */
  owner?: string;
  /** Narrowed to these repositories of the owner. */
  repositories?: string[];
  /** Narrowed to these permissions (`contents: read`). */
  permissions?: Record<string, string>;
}

/** OAuth 2.0 client credentials (RFC 6749 §4.4). Variables hold the client id and secret. */
export interface OAuth2Mint extends MintCommon {
  provider: 'oauth2';
  tokenUrl: string;
  clientIdVariable: string;
  clientSecretVariable: string;
  scope?: string;
  /** `client_secret_basic` (HTTP Basic, the default) or `client_secret_post` (in the form). */
  authMethod: 'client_secret_basic' | 'client_secret_post';
  /** RFC 7009 revocation endpoint: the token is revoked there in the post step. */
  revocationUrl?: string;
  /** RFC 7662 introspection endpoint: the minted token is checked there like a configured one. */
  introspectionUrl?: string;
}

/** What the post step needs to revoke a minted token: kept in the action's state, masked. */
export type Revocable =
  | { name: string; provider: 'github-app'; token: string; apiUrl: string }
  | { name: string; provider: 'oauth2'; token: string; revocationUrl: string; clientIdVariable: string; clientSecretVariable: string; authMethod: OAuth2Mint['authMethod'] };
