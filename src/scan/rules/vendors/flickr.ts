import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Flickr API keys: 32 hex with no prefix (flickr.com/services/api/misc.api_keys.html); found in a Flickr setting.

const fake = fakes('flickr');

export const FLICKR_RULES: readonly Rule[] = [
  {
    id: 'flickr-api-key',
    description: 'Flickr API key (32 hex, in a Flickr setting)',
    keywords: ['flickr'],
    pattern: /flickr[\w.-]{0,20}?(?:key|secret|token)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `FLICKR_API_KEY=${fake.hex(32)}`,
        `  flickrKey: '${fake.hex(32)}',`,
      ],
      negative: [
        "  flickrKey: process.env.FLICKR_API_KEY,",
        'FLICKR_USER_ID=12345678@N07',
      ],
    },
  },
];
