import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Meta (Facebook) Graph API access tokens start with EAA (developers.facebook.com/docs/facebook-login/
// guides/access-tokens); app secrets are 32 hex with no prefix, found in a Facebook / FB app-secret setting.

const fake = fakes('facebook');

export const FACEBOOK_RULES: readonly Rule[] = [
  {
    id: 'facebook-access-token',
    description: 'Meta (Facebook, Instagram, WhatsApp) Graph API access token (EAA…)',
    keywords: ['eaa'],
    pattern: /\bEAA[A-Za-z0-9]{100,400}\b/,
    entropy: 4,
    examples: {
      positive: [
        `WHATSAPP_TOKEN=EAAG${fake.alnum(180)}`,
        `curl -G -d "access_token=EAAJ${fake.alnum(150)}" https://graph.facebook.com/v19.0/me/accounts`,
      ],
      negative: [
        'curl -G -d "access_token=$PAGE_ACCESS_TOKEN" https://graph.facebook.com/v19.0/me/accounts',
        'WHATSAPP_TOKEN=EAAG...',
        'WHATSAPP_TOKEN=EAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ],
    },
  },
  {
    id: 'facebook-app-secret',
    description: 'Meta (Facebook) app secret (32 hex, in a Facebook app-secret setting)',
    keywords: ['facebook', 'fb_', 'fb-', 'fb.', 'fbapp', 'fbclient', 'fbsecret'],
    pattern: /(?:facebook|\bfb(?:[_.-]|(?=app|client|secret)))[\w.-]{0,20}?secret[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `FACEBOOK_APP_SECRET=${fake.hex(32)}`,
        `  'fb_client_secret' => '${fake.hex(32)}',`,
      ],
      negative: [
        "  'fb_client_secret' => env('FACEBOOK_APP_SECRET'),",
        `FACEBOOK_APP_ID=${fake.digits(16)}`,
        'FACEBOOK_APP_SECRET=your_facebook_app_secret',
      ],
    },
  },
];
