import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// LinkedIn OAuth client secrets (apps created since 2023): WPL_AP<n>.<16>.<8 base64 ending ==>
// (linkedin.com/developers, "Auth" tab). Older 16-character secrets have no prefix and are not reported.

const fake = fakes('linkedin');

export const LINKEDIN_RULES: readonly Rule[] = [
  {
    id: 'linkedin-client-secret',
    description: 'LinkedIn OAuth client secret (WPL_AP1.…)',
    keywords: ['wpl_ap'],
    pattern: /\bWPL_AP\d\.[A-Za-z0-9]{16}\.[A-Za-z0-9+/]{6}==(?![\w+/=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `LINKEDIN_CLIENT_SECRET=WPL_AP1.${fake.alnum(16)}.${fake.b64(6)}==`,
        `    'client_secret' => env('LINKEDIN_CLIENT_SECRET', 'WPL_AP1.${fake.alnum(16)}.${fake.b64(6)}=='),`,
      ],
      negative: [
        "    'client_secret' => env('LINKEDIN_CLIENT_SECRET'),",
        'LINKEDIN_CLIENT_SECRET=WPL_AP1.XXXXXXXX',
        'LINKEDIN_CLIENT_SECRET=WPL_AP1.YOUR_LINKEDIN_SECRET_HERE',
      ],
    },
  },
];
