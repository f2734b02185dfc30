import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Gitter personal access tokens: 40 hex with no prefix (developer.gitter.im); found in a Gitter setting.

const fake = fakes('gitter');

export const GITTER_RULES: readonly Rule[] = [
  {
    id: 'gitter-access-token',
    description: 'Gitter access token (40 hex, in a Gitter setting)',
    keywords: ['gitter'],
    pattern: /gitter[\w.-]{0,20}?token[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-f0-9]{40})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `GITTER_TOKEN=${fake.hex(40)}`,
        `  gitter_access_token: "${fake.hex(40)}"`,
      ],
      negative: [
        'GITTER_TOKEN=${GITTER_TOKEN}',
        'GITTER_ROOM=acme/community',
      ],
    },
  },
];
