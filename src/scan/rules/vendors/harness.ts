import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Harness personal (pat.) and service account (sat.) tokens: <type>.<account id>.<token id>.<secret>
// (developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys).

const fake = fakes('harness');

export const HARNESS_RULES: readonly Rule[] = [
  {
    id: 'harness-api-token',
    description: 'Harness personal or service account token (pat.… / sat.…)',
    keywords: ['pat.', 'sat.'],
    pattern: /\b(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `HARNESS_PLATFORM_API_KEY=pat.${fake.alnum(22)}.${fake.hex(24)}.${fake.alnum(20)}`,
        `curl -H "x-api-key: sat.${fake.alnum(22)}.${fake.hex(24)}.${fake.alnum(20)}" https://app.harness.io/gateway/ng/api/user/currentUser`,
      ],
      negative: [
        'curl -H "x-api-key: $HARNESS_PLATFORM_API_KEY" https://app.harness.io/gateway/ng/api/user/currentUser',
        `HARNESS_PLATFORM_API_KEY=pat.${fake.alnum(22)}.${fake.hex(24)}`,
      ],
    },
  },
];
