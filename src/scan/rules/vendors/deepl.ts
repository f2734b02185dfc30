import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// DeepL API authentication keys: a UUID, with ":fx" for the Free API (developers.deepl.com
// "Authentication"); found in a DeepL setting or after "DeepL-Auth-Key".

const fake = fakes('deepl');

export const DEEPL_RULES: readonly Rule[] = [
  {
    id: 'deepl-api-key',
    description: 'DeepL API authentication key (UUID[:fx], in a DeepL setting)',
    keywords: ['deepl'],
    pattern:
      /deepl[\w.-]{0,24}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=]|\s)\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?::fx)?)(?![\w:-])/i,
    entropy: 3,
    examples: {
      positive: [
        `DEEPL_AUTH_KEY=${fake.uuid()}:fx`,
        `curl -X POST https://api.deepl.com/v2/translate --header "Authorization: DeepL-Auth-Key ${fake.uuid()}" --data "text=Hallo"`,
      ],
      negative: [
        'DEEPL_AUTH_KEY=${DEEPL_AUTH_KEY}',
        'curl -X POST https://api-free.deepl.com/v2/translate --header "Authorization: DeepL-Auth-Key [yourAuthKey]"',
      ],
    },
  },
];
