import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const MESSAGEBIRD_RULES: readonly Rule[] = [
  {
    id: 'messagebird-api-token',
    description: 'MessageBird (Bird) access key (25 characters) given to a MessageBird key name or client',
    keywords: ['messagebird', 'message_bird', 'message-bird'],
    pattern: assigned('message[_-]?bird', '[A-Za-z0-9]{25}', {
      kind: 'key|token|access|secret',
      or: "message[_-]?bird['\"]\\)\\(\\s{0,3}['\"]",
    }),
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `MESSAGEBIRD_ACCESS_KEY=${fake(ALNUM, 25, 'messagebird-1')}`,
        `const messagebird = require('messagebird')('${fake(ALNUM, 25, 'messagebird-2')}');`,
      ],
      negative: [
        "const messagebird = require('messagebird')('YOUR_ACCESS_KEY');",
        'MESSAGEBIRD_ACCESS_KEY=${MESSAGEBIRD_ACCESS_KEY}',
        `MESSAGEBIRD_ORIGINATOR=${fake(ALNUM, 25, 'messagebird-3')}`,
      ],
    },
  },
];
