import type { Rule } from '../../types.js';
import { ALNUM, DIGITS, assigned, fake, plausible } from './kit-m-z.js';

/**
 * App-only bearer tokens are URL-encoded (`%2B`, `%3D`…), which a base64 blob of zero bytes is not;
 * their runs of `A` (zero bytes) are left out of the placeholder check.
 */
const bearerShaped = (secret: string): boolean => /%[0-9A-F]{2}/.test(secret) && plausible(secret.replace(/A{4,}/g, ''));

const bearer = (seed: string): string =>
  `${'A'.repeat(21)}${fake(ALNUM, 4, `${seed}-a`)}${'A'.repeat(8)}${fake(ALNUM, 12, `${seed}-b`)}%2B${fake(ALNUM, 14, `${seed}-c`)}%3D${fake(ALNUM, 50, `${seed}-d`)}`;

/** Twitter's names, and X's where `X_` starts a credential's name (`X_ACCESS_TOKEN`, `x_api_secret`). */
const X_NAMES = 'twitter|x_(?:access|api|consumer)';

export const TWITTER_RULES: readonly Rule[] = [
  {
    id: 'twitter-bearer-token',
    description: 'X (Twitter) app-only bearer token (AAAAAAAAAAAAAAAAAAAAA…, URL-encoded)',
    keywords: ['aaaaaaaaaaaaaaaaaaaa'],
    pattern: /(?<![A-Za-z0-9%])A{20,24}[A-Za-z0-9%]{60,160}(?![A-Za-z0-9%])/,
    entropy: 3.5,
    validate: bearerShaped,
    examples: {
      positive: [
        `TWITTER_BEARER_TOKEN=${bearer('twitter-1')}`,
        `curl "https://api.x.com/2/tweets/search/recent?query=from:XDevelopers" -H "Authorization: Bearer ${bearer('twitter-2')}"`,
      ],
      negative: [
        `  "image": "data:image/png;base64,iVBORw0KGgo${'A'.repeat(22)}${fake(ALNUM, 90, 'twitter-3')}",`,
        'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'curl "https://api.x.com/2/tweets/search/recent" -H "Authorization: Bearer $TWITTER_BEARER_TOKEN"',
      ],
    },
  },
  {
    id: 'twitter-access-token',
    description: 'X (Twitter) user access token (<user id>-<secret>) given to a Twitter/X access-token name',
    keywords: ['twitter', 'x_access', 'x_api', 'x_consumer'],
    pattern: assigned(X_NAMES, '[0-9]{6,20}-[A-Za-z0-9]{25,45}', { kind: 'token|access' }),
    entropy: 3.8,
    validate: plausible,
    examples: {
      positive: [
        `TWITTER_ACCESS_TOKEN=${fake(DIGITS, 19, 'twitter-4')}-${fake(ALNUM, 40, 'twitter-5')}`,
        `X_ACCESS_TOKEN="${fake(DIGITS, 10, 'twitter-6')}-${fake(ALNUM, 40, 'twitter-7')}"`,
      ],
      negative: [
        `TWITTER_USER_ID=${fake(DIGITS, 19, 'twitter-8')}`,
        'X_ACCESS_TOKEN=your-access-token',
        `TWITTER_ACCESS_TOKEN=${fake(DIGITS, 19, 'twitter-9')}-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
      ],
    },
  },
  {
    id: 'twitter-api-secret',
    description: 'X (Twitter) consumer (API key) secret or access-token secret (45–50 characters) given to a Twitter/X secret name',
    keywords: ['twitter', 'x_access', 'x_api', 'x_consumer'],
    pattern: assigned(X_NAMES, '[A-Za-z0-9]{45,50}', { kind: 'secret' }),
    entropy: 4.2,
    validate: plausible,
    examples: {
      positive: [
        `TWITTER_API_SECRET=${fake(ALNUM, 50, 'twitter-10')}`,
        `  x_access_token_secret: "${fake(ALNUM, 45, 'twitter-11')}"`,
      ],
      negative: [
        `TWITTER_API_KEY=${fake(ALNUM, 25, 'twitter-12')}`,
        '  x_access_token_secret: ${{ secrets.X_ACCESS_TOKEN_SECRET }}',
        'TWITTER_API_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
