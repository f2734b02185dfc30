import type { Rule } from '../../types.js';
import { B64URL, HEX, UPPER, fake, plausible } from './kit-m-z.js';

export const NEW_RELIC_RULES: readonly Rule[] = [
  {
    id: 'new-relic-user-api-key',
    description: 'New Relic user API key (NRAK-…)',
    keywords: ['nrak-'],
    pattern: /\bNRAK-[A-Z0-9]{27}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `NEW_RELIC_API_KEY=NRAK-${fake(UPPER, 27, 'newrelic-1')}`,
        `  api_key = "NRAK-${fake(UPPER, 27, 'newrelic-2')}"`,
      ],
      negative: [
        'NEW_RELIC_API_KEY=NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'NEW_RELIC_API_KEY: ${{ secrets.NEW_RELIC_API_KEY }}',
        `NEW_RELIC_API_KEY=NRAK-${fake(UPPER, 20, 'newrelic-3')}`,
      ],
    },
  },
  {
    id: 'new-relic-license-key',
    description: 'New Relic ingest license key (40 characters ending FFFFNRAL)',
    keywords: ['ffffnral'],
    pattern: /(?<![\w-])(?:[0-9a-f]{32}|eu01xx[0-9a-f]{26})FFFFNRAL(?![\w-])/,
    entropy: 3.2,
    validate: plausible,
    examples: {
      positive: [
        `NEW_RELIC_LICENSE_KEY=${fake(HEX, 32, 'newrelic-4')}FFFFNRAL`,
        `  license_key: 'eu01xx${fake(HEX, 26, 'newrelic-5')}FFFFNRAL'`,
      ],
      negative: [
        'NEW_RELIC_LICENSE_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxFFFFNRAL',
        "  license_key: '<%= ENV[\"NEW_RELIC_LICENSE_KEY\"] %>'",
        `NEW_RELIC_LICENSE_KEY=${fake(HEX, 24, 'newrelic-6')}FFFFNRAL`,
      ],
    },
  },
  {
    id: 'new-relic-insert-key',
    description: 'New Relic Insights insert key (NRII-…)',
    keywords: ['nrii-'],
    pattern: /\bNRII-[A-Za-z0-9_-]{32}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `NEW_RELIC_INSERT_KEY=NRII-${fake(B64URL, 32, 'newrelic-7')}`,
        `headers = {"X-Insert-Key": "NRII-${fake(B64URL, 32, 'newrelic-8')}"}`,
      ],
      negative: [
        'NEW_RELIC_INSERT_KEY=NRII-...',
        'headers = {"X-Insert-Key": os.environ["NEW_RELIC_INSERT_KEY"]}',
        `NEW_RELIC_INSERT_KEY=NRII-${fake(B64URL, 44, 'newrelic-9')}`,
      ],
    },
  },
];
