import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Codecov upload tokens are UUIDs (docs.codecov.com "Codecov tokens"); found in a Codecov token setting.

const fake = fakes('codecov');

export const CODECOV_RULES: readonly Rule[] = [
  {
    id: 'codecov-upload-token',
    description: 'Codecov upload or API token (UUID, in a Codecov setting)',
    keywords: ['codecov'],
    pattern:
      /codecov[\w.-]{0,20}?token[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{40})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `CODECOV_TOKEN=${fake.uuid()}`,
        `      CODECOV_TOKEN: "${fake.uuid()}"`,
      ],
      negative: [
        '          token: ${{ secrets.CODECOV_TOKEN }}',
        'CODECOV_TOKEN=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
];
