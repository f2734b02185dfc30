import type { Rule } from '../../types.js';
import { B64URL, assigned, fake, plausible } from './kit-m-z.js';

export const OKTA_RULES: readonly Rule[] = [
  {
    id: 'okta-access-token',
    description: 'Okta API token (00…, 42 characters) given to an Okta name or sent as SSWS',
    keywords: ['okta', 'ssws'],
    pattern: assigned('okta', '00[A-Za-z0-9_-]{40}', { or: '\\bSSWS\\s{1,3}' }),
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `OKTA_API_TOKEN=00${fake(B64URL, 40, 'okta-1')}`,
        `curl -H "Authorization: SSWS 00${fake(B64URL, 40, 'okta-2')}" https://dev-123456.okta.com/api/v1/users/me`,
      ],
      negative: [
        'curl -H "Authorization: SSWS ${OKTA_API_TOKEN}" https://dev-123456.okta.com/api/v1/users/me',
        'OKTA_API_TOKEN=00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `OKTA_CLIENT_ID=0oa${fake(B64URL, 17, 'okta-3')}`,
      ],
    },
  },
];
