import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

const key = (kind: string, seed: string): string => `tskey-${kind}-k${fake(ALNUM, 10, `${seed}-id`)}CNTRL-${fake(ALNUM, 33, `${seed}-secret`)}`;

export const TAILSCALE_RULES: readonly Rule[] = [
  {
    id: 'tailscale-key',
    description: 'Tailscale API, auth, OAuth-client, SCIM or webhook key (tskey-<kind>-…)',
    keywords: ['tskey-'],
    pattern: /\btskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,32}-[A-Za-z0-9]{20,64}(?![\w-])/,
    entropy: 3.8,
    validate: plausible,
    examples: {
      positive: [
        `TS_AUTHKEY=${key('auth', 'tailscale-1')}`,
        `curl -u "${key('api', 'tailscale-2')}:" https://api.tailscale.com/api/v2/tailnet/-/devices`,
      ],
      negative: [
        'TS_AUTHKEY=tskey-auth-xxxxx',
        '  authkey: ${{ secrets.TS_AUTHKEY }}',
        `TS_AUTHKEY=tskey-auth-k${fake(ALNUM, 10, 'tailscale-3')}CNTRL`,
      ],
    },
  },
];
