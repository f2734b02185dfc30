import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const PAT = 'dop_v1_bbf7ee7c9dd576805bb7aa8abfc384e921f512312f27f029a0a0825457104442';
const OAUTH = 'doo_v1_5ce56389fc47c10d0766eb2dbae99d6c827bc0d2e3135cdd80581b4c9e8c33af';
const REFRESH = 'dor_v1_1b6022806c5ef3e17d506f9f97c5187ce6c4c975cc27169997071bd0d06828fa';

export const DIGITALOCEAN_RULES: readonly Rule[] = [
  {
    id: 'digitalocean-pat',
    provider: 'digitalocean',
    description: 'DigitalOcean personal access token (dop_v1_…)',
    keywords: ['dop_v1_'],
    pattern: new RegExp(String.raw`${START}(?<secret>dop_v1_[0-9a-f]{64})${END}`),
    entropy: 3,
    examples: {
      positive: [`export DIGITALOCEAN_ACCESS_TOKEN=${PAT}`, `doctl auth init --access-token ${PAT}`],
      negative: [`DIGITALOCEAN_ACCESS_TOKEN=dop_v1_${'0'.repeat(64)}`, 'DIGITALOCEAN_ACCESS_TOKEN=dop_v1_<your token>', `token = "${PAT.slice(0, 50)}"`],
    },
  },
  {
    id: 'digitalocean-oauth-token',
    provider: 'digitalocean',
    description: 'DigitalOcean OAuth access token (doo_v1_…)',
    keywords: ['doo_v1_'],
    pattern: new RegExp(String.raw`${START}(?<secret>doo_v1_[0-9a-f]{64})${END}`),
    entropy: 3,
    examples: {
      positive: [`Authorization: Bearer ${OAUTH}`, `  "access_token": "${OAUTH}",`],
      negative: [`"access_token": "doo_v1_${'f'.repeat(64)}"`, `"access_token": "${OAUTH}${OAUTH.slice(7, 12)}"`],
    },
  },
  {
    id: 'digitalocean-refresh-token',
    provider: 'digitalocean',
    description: 'DigitalOcean OAuth refresh token (dor_v1_…)',
    keywords: ['dor_v1_'],
    pattern: new RegExp(String.raw`${START}(?<secret>dor_v1_[0-9a-f]{64})${END}`),
    entropy: 3,
    examples: {
      positive: [`  "refresh_token": "${REFRESH}",`, `DO_REFRESH_TOKEN=${REFRESH}`],
      negative: [`"refresh_token": "dor_v1_${'0123456789abcdef'.repeat(3)}"`, 'DO_REFRESH_TOKEN=${DO_REFRESH_TOKEN}'],
    },
  },
];
