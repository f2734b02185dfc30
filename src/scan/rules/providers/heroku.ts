import type { Rule } from '../../types.js';
import { ASSIGN, END, START, shape } from './kit.js';

const KEY = 'HRKU-AA85t_MQuhmyPnoH0z2QyZzM7WUZ1xgxl57ARBQaF-kcZSa0cjN4fw9ZxLvH';
const LEGACY = 'f7e740cc-4f59-a298-4fb9-a2b07bbcdaa0';

export const HEROKU_RULES: readonly Rule[] = [
  {
    id: 'heroku-api-key',
    provider: 'heroku',
    description: 'Heroku API key or OAuth token (HRKU-AA…)',
    keywords: ['hrku-aa'],
    pattern: new RegExp(String.raw`${START}(?<secret>HRKU-AA[0-9A-Za-z_-]{58})${END}`),
    entropy: 4,
    examples: {
      positive: [`export HEROKU_API_KEY=${KEY}`, `machine api.heroku.com login me@example.com password ${KEY}`],
      negative: [`HEROKU_API_KEY=HRKU-AA${'x'.repeat(58)}`, 'HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}', `HEROKU_API_KEY=${KEY.slice(0, 50)}`],
    },
  },
  {
    id: 'heroku-api-key-legacy',
    provider: 'heroku',
    description: 'Heroku API key of the older UUID shape, by its name',
    keywords: ['heroku'],
    pattern: new RegExp(String.raw`heroku[\w.-]{0,20}?(?:api[_.-]?key|token)${ASSIGN}(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])`, 'i'),
    entropy: 3,
    validate: shape(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    examples: {
      positive: [`export HEROKU_API_KEY=${LEGACY}`, `  heroku_auth_token: "${LEGACY}"`],
      negative: [
        `HEROKU_APP_ID=${LEGACY}`,
        `HEROKU_API_KEY=${LEGACY.toUpperCase()}`,
        'HEROKU_API_KEY=00000000-0000-0000-0000-000000000000',
        'HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}',
      ],
    },
  },
];
