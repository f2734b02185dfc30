import type { Rule } from '../../types.js';
import { LOWER, assigned, fake, plausible } from './kit-m-z.js';

export const TWITCH_RULES: readonly Rule[] = [
  {
    id: 'twitch-api-token',
    description: 'Twitch OAuth token or client secret (30 characters) given to a Twitch name, or an oauth: chat token',
    keywords: ['twitch', 'oauth:'],
    pattern: assigned('twitch', '[a-z0-9]{30}', { kind: 'token|secret|oauth|password', or: '(?<![\\w-])oauth:' }),
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `TWITCH_CLIENT_SECRET=${fake(LOWER, 30, 'twitch-1')}`,
        `client = tmi.Client({ identity: { username: 'bot', password: 'oauth:${fake(LOWER, 30, 'twitch-2')}' } })`,
      ],
      negative: [
        `TWITCH_CLIENT_ID=${fake(LOWER, 30, 'twitch-3')}`,
        "client = tmi.Client({ identity: { username: 'bot', password: process.env.TWITCH_OAUTH } })",
        'TWITCH_CLIENT_SECRET=<client-secret>',
      ],
    },
  },
];
