import type { Rule } from '../../types.js';

// Private API keys: key-<32 hex> (older) and <32 hex>-<8 hex>-<8 hex>. Neither is distinctive alone
// (key- is a common prefix), so the line must name Mailgun before it, or the key is the password of
// `api:` (Mailgun's Basic user name).

const KEY = 'key-88dc8d4d175ef4324f79f5e3fa8055af';
const NEW_KEY = '56d3e0a8c441facb1573e518d6817904-c45058aa-65394ec6';

export const MAILGUN_RULES: readonly Rule[] = [
  {
    id: 'mailgun-api-key',
    provider: 'mailgun',
    description: 'Mailgun private API key (key-…, or 32-8-8 hex) on a line that names Mailgun, or as the password of `api:`',
    keywords: ['mailgun', 'api:'],
    pattern:
      /(?:(?:[Mm]ailgun|MAILGUN)[^\n]{0,100}?|(?<![\w-])api:)(?<![\w-])(?<secret>key-[0-9a-f]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![\w-])/,
    entropy: 3,
    examples: {
      positive: [
        `MAILGUN_API_KEY=${KEY}`,
        `curl -s --user 'api:${NEW_KEY}' https://api.mailgun.net/v3/mg.example.com/messages`,
        `const mg = mailgun.client({ username: "api", key: "${NEW_KEY}" });`,
      ],
      negative: [
        `cache_key = "key-5d41402abc4b2a76b9719d911017c592"`,
        `MAILGUN_API_KEY=key-${'0'.repeat(32)}`,
        'MAILGUN_API_KEY: ${{ secrets.MAILGUN_API_KEY }}',
        `MAILGUN_SIGNING_KEY=${NEW_KEY}-0`,
      ],
    },
  },
];
