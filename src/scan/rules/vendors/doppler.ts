import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Doppler token formats: dp.pt. personal, dp.st.[config.] service, dp.ct. CLI, dp.sa. service
// account, dp.scim. and dp.audit. (docs.doppler.com/reference/auth-token-formats).

const fake = fakes('doppler');

export const DOPPLER_RULES: readonly Rule[] = [
  {
    id: 'doppler-personal-token',
    description: 'Doppler personal token (dp.pt.…)',
    keywords: ['dp.pt.'],
    pattern: /\bdp\.pt\.[A-Za-z0-9]{40,44}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `DOPPLER_TOKEN=dp.pt.${fake.alnum(43)}`,
        `curl --header "authorization: Bearer dp.pt.${fake.alnum(43)}" https://api.doppler.com/v3/me`,
      ],
      negative: [
        'DOPPLER_TOKEN=dp.pt.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `DOPPLER_TOKEN=dp.pt.${fake.alnum(20)}`,
      ],
    },
  },
  {
    id: 'doppler-service-token',
    description: 'Doppler service token (dp.st.…)',
    keywords: ['dp.st.'],
    pattern: /\bdp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `DOPPLER_TOKEN=dp.st.prd.${fake.alnum(43)}`,
        `      - DOPPLER_TOKEN=dp.st.${fake.alnum(43)}`,
      ],
      negative: [
        '      - DOPPLER_TOKEN=${DOPPLER_TOKEN}',
        `DOPPLER_TOKEN=dp.st.prd.${fake.alnum(16)}`,
      ],
    },
  },
  {
    id: 'doppler-cli-token',
    description: 'Doppler CLI token (dp.ct.…)',
    keywords: ['dp.ct.'],
    pattern: /\bdp\.ct\.[A-Za-z0-9]{40,44}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `doppler configure set token dp.ct.${fake.alnum(43)} --scope /`,
        `  token: dp.ct.${fake.alnum(43)}`,
      ],
      negative: [
        'doppler configure set token $DOPPLER_CLI_TOKEN --scope /',
        `  token: dp.ct.${fake.alnum(12)}`,
      ],
    },
  },
  {
    id: 'doppler-service-account-token',
    description: 'Doppler service account token (dp.sa.…)',
    keywords: ['dp.sa.'],
    pattern: /\bdp\.sa\.[A-Za-z0-9]{40,44}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `DOPPLER_TOKEN=dp.sa.${fake.alnum(43)}`,
        `    doppler_token = "dp.sa.${fake.alnum(43)}"`,
      ],
      negative: [
        '    doppler_token = var.doppler_token',
        `DOPPLER_TOKEN=dp.sa.${fake.alnum(43)}${fake.alnum(10)}`,
      ],
    },
  },
  {
    id: 'doppler-scim-audit-token',
    description: 'Doppler SCIM or audit token (dp.scim.… / dp.audit.…)',
    keywords: ['dp.scim.', 'dp.audit.'],
    pattern: /\bdp\.(?:scim|audit)\.[A-Za-z0-9]{40,44}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `OKTA_SCIM_BEARER=dp.scim.${fake.alnum(43)}`,
        `curl -H "Authorization: Bearer dp.audit.${fake.alnum(43)}" https://api.doppler.com/v3/workplace/users`,
      ],
      negative: [
        `OKTA_SCIM_BEARER=dp.scim.${fake.alnum(10)}`,
        'curl -H "Authorization: Bearer $DOPPLER_AUDIT_TOKEN" https://api.doppler.com/v3/workplace/users',
      ],
    },
  },
];
