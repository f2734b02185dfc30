import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Dynatrace tokens: dt0<letter><2 digits>.<24-character public part>.<64-character secret part>
// (docs.dynatrace.com "Access tokens", token format dt0c01 / dt0s01…).

const fake = fakes('dynatrace');

export const DYNATRACE_RULES: readonly Rule[] = [
  {
    id: 'dynatrace-api-token',
    description: 'Dynatrace access token (dt0c01.…)',
    keywords: ['dt0'],
    pattern: /\bdt0[a-z]\d{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `    apiToken: dt0c01.${fake.upper(24)}.${fake.upper(64)}`,
        `curl -H "Authorization: Api-Token dt0s01.${fake.upper(24)}.${fake.upper(64)}" https://abc12345.live.dynatrace.com/api/v2/metrics`,
      ],
      negative: [
        '    apiToken: dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        `    apiToken: dt0c01.${fake.upper(24)}`,
        'curl -H "Authorization: Api-Token $DT_API_TOKEN" https://abc12345.live.dynatrace.com/api/v2/metrics',
      ],
    },
  },
];
