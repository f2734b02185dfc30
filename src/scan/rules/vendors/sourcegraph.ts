import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

export const SOURCEGRAPH_RULES: readonly Rule[] = [
  {
    id: 'sourcegraph-access-token',
    description: 'Sourcegraph access token (sgp_…, sgp_<instance>_…, sgp_local_…)',
    keywords: ['sgp_'],
    pattern: /\bsgp_(?:(?:[0-9a-f]{16}|local)_)?[0-9a-f]{40}(?![\w-])/,
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `SRC_ACCESS_TOKEN=sgp_${fake(HEX, 16, 'sourcegraph-1')}_${fake(HEX, 40, 'sourcegraph-2')}`,
        `curl -H "Authorization: token sgp_${fake(HEX, 40, 'sourcegraph-3')}" https://sourcegraph.com/.api/graphql`,
      ],
      negative: [
        'curl -H "Authorization: token $SRC_ACCESS_TOKEN" https://sourcegraph.com/.api/graphql',
        'SRC_ACCESS_TOKEN=sgp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `SRC_ACCESS_TOKEN=sgp_${fake(HEX, 32, 'sourcegraph-4')}`,
      ],
    },
  },
  {
    id: 'sourcegraph-cody-gateway-key',
    description: 'Sourcegraph Cody Gateway access key (slk_…)',
    keywords: ['slk_'],
    pattern: /\bslk_[0-9a-f]{64}(?![\w-])/,
    entropy: 3.4,
    validate: plausible,
    examples: {
      positive: [
        `CODY_GATEWAY_ACCESS_TOKEN=slk_${fake(HEX, 64, 'sourcegraph-5')}`,
        `  "cody.gateway.accessToken": "slk_${fake(HEX, 64, 'sourcegraph-6')}",`,
      ],
      negative: [
        '  "cody.gateway.accessToken": "slk_...",',
        'CODY_GATEWAY_ACCESS_TOKEN=${CODY_GATEWAY_ACCESS_TOKEN}',
        `CODY_GATEWAY_ACCESS_TOKEN=slk_${fake(HEX, 40, 'sourcegraph-7')}`,
      ],
    },
  },
];
