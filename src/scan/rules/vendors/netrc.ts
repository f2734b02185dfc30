import type { Rule } from '../../types.js';
import { ALNUM, HEX, fake, plausible } from './kit-m-z.js';

/** Words and constant-like names (`SECRET`, `API_TOKEN`) that stand in for a password. */
const PLACEHOLDER = /^(?:password|passw0rd|secret|token|changeme|none|null|\*+)$/i;
const CONSTANT = /^[A-Z][A-Z_]*\W?$/;

export const NETRC_RULES: readonly Rule[] = [
  {
    id: 'netrc-credentials',
    description: 'A one-line .netrc entry with a password (machine <host> login <user> password <secret>)',
    keywords: ['machine'],
    pattern:
      /\bmachine\s{1,5}[^\s'"]{1,253}(?:\s{1,5}login\s{1,5}[^\s'"]{1,256})?\s{1,5}password\s{1,5}(?<secret>[^\s'"$%<{][^\s'"]{5,255})(?=[\s'"]|$)/,
    entropy: 2.5,
    validate: (secret) => !PLACEHOLDER.test(secret) && !CONSTANT.test(secret) && plausible(secret),
    examples: {
      positive: [
        `echo "machine api.wandb.ai login user password ${fake(HEX, 40, 'netrc-1')}" >> ~/.netrc`,
        `machine artifacts.example.org login ci-bot password ${fake(ALNUM, 20, 'netrc-2')}`,
      ],
      negative: [
        'echo "machine api.heroku.com login $HEROKU_EMAIL password $HEROKU_API_KEY" > ~/.netrc',
        'machine example.com login daniel password <your-password>',
        'The machine will prompt for a login and password on first boot.',
        'machine ci.example.com login deploy password SECRET',
      ],
    },
  },
];
