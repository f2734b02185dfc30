import type { Rule } from '../../types.js';
import { ASSIGN } from './kit.js';

// REST API keys are 20 characters: a user token starts with u+, an account key has no mark. Both
// are plain, so they are found by what the line says around them: PagerDuty's own header
// (`Authorization: Token token=…`) or a PagerDuty name.

const USER_TOKEN = 'u+snXQ-f1zkSaGtt7bjg';
const ACCOUNT_KEY = 'hBBASgubtIfT58PsUgjY';

export const PAGERDUTY_RULES: readonly Rule[] = [
  {
    id: 'pagerduty-user-token',
    provider: 'pagerduty',
    description: 'PagerDuty user API token (u+…) in a Token header or on a line that names PagerDuty',
    keywords: ['token=', 'pagerduty', 'pd_'],
    pattern: /(?:[Tt]oken token=|(?:[Pp]ager[Dd]uty|PAGERDUTY|(?<![A-Za-z0-9])PD_)[^\n]{0,100}?)(?<![\w+/-])(?<secret>u\+[A-Za-z0-9_+-]{18})(?![\w+/=-])/,
    entropy: 3,
    examples: {
      positive: [`curl https://api.pagerduty.com/users/me -H "Authorization: Token token=${USER_TOKEN}"`, `PAGERDUTY_TOKEN=${USER_TOKEN}`],
      negative: [`PAGERDUTY_TOKEN=u+${'x'.repeat(18)}`, 'Authorization: Token token=${PAGERDUTY_TOKEN}', `PAGERDUTY_CA="MIIBu+${USER_TOKEN.slice(2)}"`],
    },
  },
  {
    id: 'pagerduty-api-key',
    provider: 'pagerduty',
    description: 'PagerDuty account REST API key (20 characters) by its name',
    keywords: ['pagerduty', 'pd_', 'pd-', 'pd.', 'pdapi', 'pdkey', 'pdtoken'],
    pattern: new RegExp(
      String.raw`(?:pagerduty|(?<![a-z0-9])pd)[_.-]?(?:api[_.-]?)?(?:key|token)${ASSIGN}(?!u\+)(?<secret>[a-z0-9_+-]{20})(?![\w+/=-])`,
      'i',
    ),
    entropy: 3,
    examples: {
      positive: [`export PAGERDUTY_TOKEN=${ACCOUNT_KEY}`, `  pagerduty_api_key: "${ACCOUNT_KEY}"`],
      negative: ['PAGERDUTY_TOKEN=xxxxxxxxxxxxxxxxxxxx', 'PAGERDUTY_INTEGRATION_KEY=5d41402abc4b2a76b9719d911017c592', 'PAGERDUTY_TOKEN: ${{ secrets.PAGERDUTY_TOKEN }}'],
    },
  },
];
