import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Asana personal access tokens: "1/<user gid>:<32 hex>" (older) or "2/<user gid>/<app gid>:<32 hex>"
// (developers.asana.com "Personal access token").

const fake = fakes('asana');

export const ASANA_RULES: readonly Rule[] = [
  {
    id: 'asana-personal-access-token',
    description: 'Asana personal access token (1/…:… or 2/…/…:…)',
    // The version and the user gid's first digit (a gid has no leading zero): `1/` alone is in every `/v1/` path.
    keywords: ['1/1', '1/2', '1/3', '1/4', '1/5', '1/6', '1/7', '1/8', '1/9', '2/1', '2/2', '2/3', '2/4', '2/5', '2/6', '2/7', '2/8', '2/9'],
    pattern: /(?<![\w/.:-])[12]\/[1-9]\d{12,18}(?:\/\d{13,19})?:[a-f0-9]{32}(?![\w-])/,
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
