import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

export const PUSHER_RULES: readonly Rule[] = [
  {
    id: 'pusher-app-secret',
    description: 'Pusher Channels app secret (20 hex) given to a Pusher secret name',
    keywords: ['pusher'],
    pattern: assigned('pusher', '[0-9a-f]{20}', { kind: 'secret' }),
    entropy: 3,
    validate: plausible,
    examples: {
      positive: [
        `PUSHER_APP_SECRET=${fake(HEX, 20, 'pusher-1')}`,
        `  'pusher_secret' => '${fake(HEX, 20, 'pusher-2')}',`,
      ],
      negative: [
        `PUSHER_APP_KEY=${fake(HEX, 20, 'pusher-3')}`,
        "  'pusher_secret' => env('PUSHER_APP_SECRET'),",
        'PUSHER_APP_SECRET=your-pusher-secret',
      ],
    },
  },
];
