import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

const key = (env: string, seed: string): string =>
  `pdl_${env}_apikey_${fake('0123456789abcdefghjkmnpqrstvwxyz', 26, `${seed}-id`)}_${fake(ALNUM, 22, `${seed}-a`)}_${fake(ALNUM, 3, `${seed}-b`)}`;

export const PADDLE_RULES: readonly Rule[] = [
  {
    id: 'paddle-api-key',
    description: 'Paddle Billing server-side API key (pdl_live_apikey_…, pdl_sdbx_apikey_…)',
    keywords: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    pattern: /\bpdl_(?:live|sdbx)_apikey_[A-Za-z0-9_]{40,80}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `PADDLE_API_KEY=${key('live', 'paddle-1')}`,
        `const paddle = new Paddle('${key('sdbx', 'paddle-2')}', { environment: Environment.sandbox });`,
      ],
      negative: [
        "PADDLE_API_KEY: 'pdl_live_apikey_test_fixture'",
        'const paddle = new Paddle(process.env.PADDLE_API_KEY!);',
        `PADDLE_CLIENT_TOKEN=live_${fake(ALNUM, 27, 'paddle-3')}`,
      ],
    },
  },
];
