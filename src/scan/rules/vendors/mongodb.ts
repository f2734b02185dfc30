import type { Rule } from '../../types.js';
import { ALNUM, B64URL, fake, plausible } from './kit-m-z.js';

const secret = (seed: string): string => `mdb_sa_sk_${fake(B64URL, 6, `${seed}-a`)}${fake(ALNUM, 34, `${seed}-b`)}`;

export const MONGODB_RULES: readonly Rule[] = [
  {
    id: 'mongodb-atlas-service-account-secret',
    description: 'MongoDB Atlas service account client secret (mdb_sa_sk_…)',
    keywords: ['mdb_sa_sk_'],
    pattern: /\bmdb_sa_sk_[A-Za-z0-9_-]{6}[A-Za-z0-9]{34}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `MONGODB_ATLAS_CLIENT_SECRET=${secret('mongodb-1')}`,
        `atlas auth login --clientId mdb_sa_id_${fake('0123456789abcdef', 24, 'mongodb-2')} --clientSecret ${secret('mongodb-3')}`,
      ],
      negative: [
        'MONGODB_ATLAS_CLIENT_SECRET=mdb_sa_sk_...',
        `MONGODB_ATLAS_CLIENT_ID=mdb_sa_id_${fake('0123456789abcdef', 24, 'mongodb-4')}`,
        'atlas auth login --clientId "$ATLAS_CLIENT_ID" --clientSecret "$ATLAS_CLIENT_SECRET"',
      ],
    },
  },
];
