import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Google OAuth client secrets start with GOCSPX- (since 2021); refresh tokens with "1//0" followed by a
// protobuf header that base64url-encodes to "CgYIARAAG" (developers.google.com/identity/protocols/oauth2).
// Google API keys (AIza…) and service-account keys belong to token-preflight's own providers.

const fake = fakes('gcp');

export const GCP_RULES: readonly Rule[] = [
  {
    id: 'gcp-oauth-client-secret',
    description: 'Google OAuth client secret (GOCSPX-…)',
    keywords: ['gocspx-'],
    pattern: /\bGOCSPX-[A-Za-z0-9_-]{28}(?![\w-])/,
    entropy: 3,
    examples: {
      positive: [
        `GOOGLE_CLIENT_SECRET=GOCSPX-${fake.alnum(28)}`,
        `{"installed":{"client_id":"${fake.digits(12)}-${fake.lower(32)}.apps.googleusercontent.com","client_secret":"GOCSPX-${fake.alnum(28)}","redirect_uris":["http://localhost"]}}`,
      ],
      negative: [
        'GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'GOOGLE_CLIENT_SECRET=GOCSPX-...',
        'GOOGLE_CLIENT_SECRET=${{ secrets.GOOGLE_CLIENT_SECRET }}',
      ],
    },
  },
  {
    id: 'gcp-oauth-refresh-token',
    description: 'Google OAuth refresh token (1//0…)',
    keywords: ['1//0'],
    pattern: /(?<![\w/-])1\/\/0[A-Za-z0-9_-]{12}CgYIARAAG[A-Za-z0-9_-]{40,300}(?![\w-])/,
    entropy: 4,
    examples: {
      positive: [
        `  "refresh_token": "1//0${fake.alnum(12)}CgYIARAAGA8SNwF-L9Ir${fake.alnum(60)}",`,
        `GOOGLE_REFRESH_TOKEN=1//0${fake.alnum(12)}CgYIARAAGAwSNwF-L9Ir${fake.alnum(65)}`,
      ],
      negative: [
        '  "refresh_token": "1//0gX...",',
        '  "refresh_token": "1//0mock_refresh_abc"',
        'GOOGLE_REFRESH_TOKEN=${GOOGLE_REFRESH_TOKEN}',
      ],
    },
  },
];
