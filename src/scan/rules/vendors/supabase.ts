import type { Rule } from '../../types.js';
import { B64URL, HEX, fake, plausible } from './kit-m-z.js';

// The Supabase CLI's local development stack ships this well-known secret key: not a leak.
const LOCAL_DEFAULT = ['sb_secret_N7UND0UgjKTVK', 'Uodkm0Hg_xSvEMPvz'].join('-');

export const SUPABASE_RULES: readonly Rule[] = [
  {
    id: 'supabase-access-token',
    description: 'Supabase personal access token for the Management API (sbp_…)',
    keywords: ['sbp_'],
    pattern: /\bsbp_(?:oauth_)?[0-9a-f]{40}(?![\w-])/,
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `SUPABASE_ACCESS_TOKEN=sbp_${fake(HEX, 40, 'supabase-1')}`,
        `supabase login --token sbp_${fake(HEX, 40, 'supabase-2')}`,
      ],
      negative: [
        '  SUPABASE_ACCESS_TOKEN: ${{ secrets.SUPABASE_ACCESS_TOKEN }}',
        'SUPABASE_ACCESS_TOKEN=sbp_0000000000000000000000000000000000000000',
        `SUPABASE_ACCESS_TOKEN=sbp_${fake(HEX, 32, 'supabase-3')}`,
      ],
    },
  },
  {
    id: 'supabase-secret-key',
    description: 'Supabase secret API key (sb_secret_…), which bypasses row-level security; the CLI local default is ignored',
    keywords: ['sb_secret_'],
    pattern: /\bsb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9_-]{8}(?![\w-])/,
    entropy: 3.8,
    validate: (secret) => secret !== LOCAL_DEFAULT && plausible(secret),
    examples: {
      positive: [
        `SUPABASE_SECRET_KEY=sb_secret_${fake(B64URL, 22, 'supabase-4')}_${fake(B64URL, 8, 'supabase-5')}`,
        `const supabase = createClient(url, 'sb_secret_${fake(B64URL, 22, 'supabase-6')}_${fake(B64URL, 8, 'supabase-7')}');`,
      ],
      negative: [
        `const LOCAL_SERVICE_KEY = "${LOCAL_DEFAULT}";`,
        `NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_${fake(B64URL, 22, 'supabase-8')}_${fake(B64URL, 8, 'supabase-9')}`,
        'SUPABASE_SECRET_KEY=sb_secret_...',
      ],
    },
  },
];
