import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Fly.io tokens: fo1_ (legacy personal access tokens) and macaroon tokens fm1a_ / fm1r_ / fm2_,
// usually written "FlyV1 fm2_…" (fly.io/docs/security/tokens).

const fake = fakes('flyio');

export const FLYIO_RULES: readonly Rule[] = [
  {
    id: 'flyio-access-token',
    description: 'Fly.io access token (fo1_… or FlyV1 fm2_…)',
    keywords: ['fo1_', 'fm1', 'fm2'],
    pattern: /(?<![\w-])(?:FlyV1 )?(?<secret>fo1_[\w-]{43}|fm[12][ar]?_[A-Za-z0-9+/,_=-]{100,1000})(?![\w+/,=-])/,
    entropy: 4,
    examples: {
      positive: [
        `FLY_API_TOKEN="FlyV1 fm2_${fake.b64(400)},fm2_${fake.b64(180)}"`,
        `export FLY_API_TOKEN=fo1_${fake.alnum(43)}`,
      ],
      negative: [
        'FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}',
        'FLY_API_TOKEN="FlyV1 fm2_short"',
        `export FLY_API_TOKEN=fo1_${fake.alnum(20)}`,
      ],
    },
  },
];
