import type { Rule } from '../../types.js';
import { ALNUM, fake, fakeUuid, unbase64 } from './kit-m-z.js';

/** A TeamCity token is `{"typ": "TCV2"}` . base64(token id) . base64(a UUID). */
const uuidTail = (secret: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(unbase64(secret.split('.')[2] ?? '').toString('latin1'));

const HEADER = Buffer.from('{"typ": "TCV2"}').toString('base64url');
const token = (seed: string): string =>
  `${HEADER}.${Buffer.from(fake(ALNUM, 27, `${seed}-id`)).toString('base64url')}.${Buffer.from(fakeUuid(`${seed}-secret`)).toString('base64url')}`;

export const TEAMCITY_RULES: readonly Rule[] = [
  {
    id: 'teamcity-access-token',
    description: 'JetBrains TeamCity access token (eyJ0eXAiOiAiVENWMiJ9.…)',
    keywords: ['eyj0exaioiaivenwmij9'],
    pattern: /\beyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{30,40}\.[A-Za-z0-9_-]{44,52}(?![\w-])/,
    entropy: 4,
    validate: uuidTail,
    examples: {
      positive: [
        `TEAMCITY_TOKEN=${token('teamcity-1')}`,
        `curl -H "Authorization: Bearer ${token('teamcity-2')}" https://teamcity.example.com/app/rest/server`,
      ],
      negative: [
        '$env:TC_TOKEN="eyJ0eXAiOiAiVENWMiJ9..."',
        'curl -H "Authorization: Bearer %teamcity.token%" https://teamcity.example.com/app/rest/server',
        `TEAMCITY_TOKEN=${HEADER}.${fake(ALNUM, 36, 'teamcity-3')}.${fake(ALNUM, 48, 'teamcity-4')}`,
      ],
    },
  },
];
