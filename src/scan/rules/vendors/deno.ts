import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Deno Deploy access tokens: ddp_ (personal) or ddw_ + 36 alphanumerics (docs.deno.com/deploy).

const fake = fakes('deno');

export const DENO_RULES: readonly Rule[] = [
  {
    id: 'deno-deploy-token',
    description: 'Deno Deploy access token (ddp_… / ddw_…)',
    keywords: ['ddp_', 'ddw_'],
    pattern: /\bdd[pw]_[A-Za-z0-9]{36}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `DENO_DEPLOY_TOKEN=ddp_${fake.alnum(36)}`,
        `deployctl deploy --prod --project=shop main.ts --token ddp_${fake.alnum(36)}`,
      ],
      negative: [
        'deployctl deploy --prod --project=shop main.ts --token $DENO_DEPLOY_TOKEN',
        'ddp_model = DistributedDataParallel(model)',
        `DENO_DEPLOY_TOKEN=ddp_${fake.alnum(20)}`,
      ],
    },
  },
];
