import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

const token = (seed: string): string => `2${fake(ALNUM, 26, `${seed}-a`)}_${fake('0123456789', 1, `${seed}-b`)}${fake(ALNUM, 20, `${seed}-c`)}`;

export const NGROK_RULES: readonly Rule[] = [
  {
    id: 'ngrok-authtoken',
    description: 'ngrok authtoken or API key (27 characters, an underscore, 21 more) given to ngrok or authtoken',
    keywords: ['ngrok', 'authtoken'],
    pattern: assigned('ngrok', '[0-9][A-Za-z0-9]{25,27}_[0-9][A-Za-z0-9]{20}', {
      kind: 'token|key|secret|auth',
      or: '\\bauthtoken["\']?(?:\\s{0,3}[:=]\\s{0,3}|\\s{1,3})["\']?',
    }),
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `ngrok config add-authtoken ${token('ngrok-1')}`,
        `authtoken: ${token('ngrok-2')}`,
      ],
      negative: [
        'ngrok config add-authtoken $NGROK_AUTHTOKEN',
        'authtoken: <YOUR_AUTHTOKEN>',
        `NGROK_TUNNEL_ID=${token('ngrok-3')}`,
      ],
    },
  },
];
