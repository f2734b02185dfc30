import type { Rule } from '../../types.js';
import { ALNUM, assigned, fake, plausible } from './kit-m-z.js';

export const SUMOLOGIC_RULES: readonly Rule[] = [
  {
    id: 'sumologic-access-token',
    description: 'Sumo Logic access key (64 characters) given to a Sumo Logic key name; the access id alone is not flagged',
    keywords: ['sumo'],
    pattern: assigned('sumo(?:logic)?', '[A-Za-z0-9]{64}', { kind: 'key|secret|token' }),
    entropy: 4.2,
    validate: plausible,
    examples: {
      positive: [
        `export SUMOLOGIC_ACCESSKEY="${fake(ALNUM, 64, 'sumologic-1')}"`,
        `sumo_access_key = "${fake(ALNUM, 64, 'sumologic-2')}"`,
      ],
      negative: [
        'sumo_access_key   = "<SUMOLOGIC ACCESS KEY>"',
        '-e SUMO_ACCESS_KEY=`etcdctl get /sumologic_secret`',
        `SUMO_ACCESS_ID=su${fake(ALNUM, 12, 'sumologic-3')}`,
      ],
    },
  },
];
