import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const TRAVIS_CI_RULES: readonly Rule[] = [
  {
    id: 'travisci-access-token',
    description: 'Travis CI API token (22 characters) given to a Travis token name',
    keywords: ['travis'],
    pattern: assigned('travis', '[A-Za-z0-9_-]{22}', { kind: 'token|key|secret' }),
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `TRAVIS_API_TOKEN=${fake(ALNUM, 22, 'travis-1')}`,
        `Travis.access_token = "${fake(ALNUM, 22, 'travis-2')}"`,
      ],
      negative: [
        `TRAVIS_BUILD_ID=${fake(ALNUM, 22, 'travis-3')}`,
        'TRAVIS_API_TOKEN=${TRAVIS_API_TOKEN}',
        'TRAVIS_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
