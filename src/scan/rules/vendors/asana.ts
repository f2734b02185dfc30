import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Asana personal access tokens: "1/<user gid>:<32 hex>" (older) or "2/<user gid>/<app gid>:<32 hex>"
// (developers.asana.com "Personal access token").

const fake = fakes('asana');

export const ASANA_RULES: readonly Rule[] = [
  {
    id: 'asana-personal-access-token',
    description: 'Asana personal access token (1/…:… or 2/…/…:…)',
    keywords: ['1/', '2/'],
    pattern: /(?<![\w/.:-])[12]\/\d{13,19}(?:\/\d{13,19})?:[a-f0-9]{32}(?![\w-])/,
    entropy: 3,
    examples: {
      positive: [
        `ASANA_ACCESS_TOKEN=2/${fake.digits(16)}/${fake.digits(16)}:${fake.hex(32)}`,
        `client = asana.Client.access_token('1/${fake.digits(16)}:${fake.hex(32)}')`,
      ],
      negative: [
        `ASANA_ACCESS_TOKEN=2/${fake.digits(16)}/${fake.digits(16)}:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
        `https://app.asana.com/0/${fake.digits(16)}/${fake.digits(16)}`,
        'ASANA_ACCESS_TOKEN=${ASANA_PAT}',
      ],
    },
  },
];
