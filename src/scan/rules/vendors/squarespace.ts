import type { Rule } from '../../types.js';
import { UUID, assigned, fakeUuid, plausible } from './kit-m-z.js';

export const SQUARESPACE_RULES: readonly Rule[] = [
  {
    id: 'squarespace-access-token',
    description: 'Squarespace Commerce API key (a UUID) given to a Squarespace key name',
    keywords: ['squarespace'],
    pattern: assigned('squarespace', UUID, { kind: 'key|token|secret' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `SQUARESPACE_API_KEY=${fakeUuid('squarespace-1')}`,
        `  squarespaceApiKey: "${fakeUuid('squarespace-2')}",`,
      ],
      negative: [
        `SQUARESPACE_WEBSITE_ID=${fakeUuid('squarespace-3')}`,
        '  squarespaceApiKey: process.env.SQUARESPACE_API_KEY,',
        'SQUARESPACE_API_KEY=12345678-1234-1234-1234-123456789abc',
      ],
    },
  },
];
