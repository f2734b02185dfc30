import type { Rule } from '../../types.js';
import { B64URL, LOWER, fake, plausible } from './kit-m-z.js';

export const PLANETSCALE_RULES: readonly Rule[] = [
  {
    id: 'planetscale-api-token',
    description: 'PlanetScale service token (pscale_tkn_…)',
    keywords: ['pscale_tkn_'],
    pattern: /\bpscale_tkn_[A-Za-z0-9_-]{32,64}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${fake(B64URL, 43, 'planetscale-1')}`,
        `pscale branch list mydb --service-token-id ${fake(LOWER, 12, 'planetscale-2')} --service-token pscale_tkn_${fake(B64URL, 43, 'planetscale-3')}`,
      ],
      negative: [
        'PLANETSCALE_SERVICE_TOKEN=pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'PLANETSCALE_SERVICE_TOKEN: ${{ secrets.PLANETSCALE_SERVICE_TOKEN }}',
        `PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${fake(B64URL, 20, 'planetscale-4')}`,
      ],
    },
  },
  {
    id: 'planetscale-oauth-token',
    description: 'PlanetScale OAuth access token (pscale_oauth_…)',
    keywords: ['pscale_oauth_'],
    pattern: /\bpscale_oauth_[A-Za-z0-9_-]{32,64}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `PLANETSCALE_OAUTH_TOKEN=pscale_oauth_${fake(B64URL, 43, 'planetscale-5')}`,
        `headers: { Authorization: 'pscale_oauth_${fake(B64URL, 43, 'planetscale-6')}' },`,
      ],
      negative: [
        'PLANETSCALE_OAUTH_TOKEN=pscale_oauth_<token>',
        'headers: { Authorization: process.env.PLANETSCALE_OAUTH_TOKEN },',
        `PLANETSCALE_OAUTH_TOKEN=pscale_oauth_${fake(B64URL, 80, 'planetscale-7')}`,
      ],
    },
  },
  {
    id: 'planetscale-password',
    description: 'PlanetScale database password (pscale_pw_…)',
    keywords: ['pscale_pw_'],
    pattern: /\bpscale_pw_[A-Za-z0-9_-]{32,64}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `DATABASE_URL=mysql://${fake(LOWER, 20, 'planetscale-8')}:pscale_pw_${fake(B64URL, 43, 'planetscale-9')}@aws.connect.psdb.cloud/shop?sslaccept=strict`,
        `DATABASE_PASSWORD=pscale_pw_${fake(B64URL, 43, 'planetscale-10')}`,
      ],
      negative: [
        'DATABASE_URL=mysql://user:pscale_pw_****@aws.connect.psdb.cloud/shop?sslaccept=strict',
        'DATABASE_PASSWORD=${PLANETSCALE_PASSWORD}',
        'DATABASE_PASSWORD=pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
