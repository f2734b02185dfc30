import type { Rule } from '../../types.js';
import { UPPER, UUID, assigned, fake, fakeUuid, plausible } from './kit-m-z.js';

export const SCALEWAY_RULES: readonly Rule[] = [
  {
    id: 'scaleway-secret-key',
    description: 'Scaleway API secret key (a UUID) given to a Scaleway secret name',
    keywords: ['scw', 'scaleway'],
    pattern: assigned('scw|scaleway', UUID, { kind: 'secret' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `SCW_SECRET_KEY=${fakeUuid('scaleway-1')}`,
        `    "scalewaySecretKey": "${fakeUuid('scaleway-2')}",`,
      ],
      negative: [
        `SCW_ACCESS_KEY=SCW${fake(UPPER, 17, 'scaleway-3')}`,
        `SCW_DEFAULT_PROJECT_ID=${fakeUuid('scaleway-4')}`,
        'SCW_SECRET_KEY=${{ secrets.SCW_SECRET_KEY }}',
      ],
    },
  },
];
