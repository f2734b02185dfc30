import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Frame.io developer tokens: fio-u- + 64 characters (developer.frame.io, authentication).

const fake = fakes('frameio');

export const FRAMEIO_RULES: readonly Rule[] = [
  {
    id: 'frameio-api-token',
    description: 'Frame.io developer token (fio-u-…)',
    keywords: ['fio-u-'],
    pattern: /\bfio-u-[A-Za-z0-9_=-]{64}(?![\w=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `FRAMEIO_TOKEN=fio-u-${fake.alnum(64)}`,
        `curl -H "Authorization: Bearer fio-u-${fake.alnum(64)}" https://api.frame.io/v2/me`,
      ],
      negative: [
        'curl -H "Authorization: Bearer $FRAMEIO_TOKEN" https://api.frame.io/v2/me',
        `FRAMEIO_TOKEN=fio-u-${fake.alnum(30)}`,
      ],
    },
  },
];
