import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

export const ROLLBAR_RULES: readonly Rule[] = [
  {
    id: 'rollbar-access-token',
    description: 'Rollbar project or account access token (32 hex) given to a Rollbar token name',
    keywords: ['rollbar'],
    pattern: assigned('rollbar', '[0-9a-f]{32}', { kind: 'token|key' }),
    entropy: 3,
    validate: plausible,
    examples: {
      positive: [
        `ROLLBAR_ACCESS_TOKEN=${fake(HEX, 32, 'rollbar-1')}`,
        `config.rollbar_server_token = "${fake(HEX, 32, 'rollbar-2')}"`,
      ],
      negative: [
        'ROLLBAR_ACCESS_TOKEN=POST_SERVER_ITEM_ACCESS_TOKEN',
        `ROLLBAR_CODE_VERSION=${fake(HEX, 32, 'rollbar-3')}`,
        'config.rollbar_server_token = ENV["ROLLBAR_ACCESS_TOKEN"]',
      ],
    },
  },
];
