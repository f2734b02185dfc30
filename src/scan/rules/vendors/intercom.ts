import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Intercom access tokens: 60 base64 characters with no fixed prefix (developers.intercom.com,
// authentication); found in an Intercom token setting.

const fake = fakes('intercom');

/** A fake access token for the examples: the base64 of "tok:<uuid>:1:0" that Intercom hands out. */
function accessToken(): string {
  return Buffer.from(`tok:${fake.uuid().replaceAll('-', '_')}:1:0`).toString('base64');
}

export const INTERCOM_RULES: readonly Rule[] = [
  {
    id: 'intercom-access-token',
    description: 'Intercom access token (60 characters, in an Intercom setting)',
    keywords: ['intercom'],
    pattern: /intercom[\w.-]{0,20}?(?:token|key|secret)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9+/_-]{59}=)(?![\w+/=-])/i,
    entropy: 4,
    examples: {
      positive: [
        `INTERCOM_ACCESS_TOKEN=${accessToken()}`,
        `  intercomToken: '${accessToken()}',`,
      ],
      negative: [
        'INTERCOM_ACCESS_TOKEN=${INTERCOM_ACCESS_TOKEN}',
        "  intercomAppId: 'abc12def',",
      ],
    },
  },
];
