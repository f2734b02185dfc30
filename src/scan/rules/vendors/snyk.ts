import type { Rule } from '../../types.js';
import { UUID, assigned, fakeUuid, plausible } from './kit-m-z.js';

export const SNYK_RULES: readonly Rule[] = [
  {
    id: 'snyk-api-token',
    description: 'Snyk API token (a UUID) given to a Snyk token name or to `snyk auth`',
    keywords: ['snyk'],
    pattern: assigned('snyk', UUID, { kind: 'token|key|auth', or: '\\bsnyk\\s{1,3}auth\\s{1,3}' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `SNYK_TOKEN=${fakeUuid('snyk-1')}`,
        `snyk auth ${fakeUuid('snyk-2')}`,
      ],
      negative: [
        'snyk auth $SNYK_TOKEN',
        `SNYK_ORG_ID=${fakeUuid('snyk-3')}`,
        'SNYK_TOKEN=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
];
