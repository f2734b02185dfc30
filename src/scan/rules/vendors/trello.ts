import { crc32 } from 'node:zlib';
import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

/** Trello (Atlassian) tokens end with the CRC-32 of everything before them, as 8 upper-case hex digits. */
const crcSuffix = (secret: string): boolean => crc32(secret.slice(0, -8)).toString(16).toUpperCase().padStart(8, '0') === secret.slice(-8);

function token(seed: string): string {
  const body = `ATTA${fake(HEX, 64, seed)}`;
  return `${body}${crc32(body).toString(16).toUpperCase().padStart(8, '0')}`;
}

export const TRELLO_RULES: readonly Rule[] = [
  {
    id: 'trello-access-token',
    description: 'Trello user token (ATTA…), checked against its CRC-32 suffix',
    keywords: ['atta'],
    pattern: /\bATTA[0-9a-f]{64}[0-9A-F]{8}(?![\w-])/,
    entropy: 3.3,
    validate: crcSuffix,
    examples: {
      positive: [
        `TRELLO_TOKEN=${token('trello-1')}`,
        `curl "https://api.trello.com/1/members/me/boards?key=${fake(HEX, 32, 'trello-2')}&token=${token('trello-3')}"`,
      ],
      negative: [
        'TRELLO_TOKEN=ATTA1234567890abcdef1234567890abcdef1234567890abcdef1234567890ab',
        `TRELLO_TOKEN=ATTA${fake(HEX, 64, 'trello-4')}ABCDEF12`,
        'TRELLO_TOKEN=ATTA5e81a47...',
      ],
    },
  },
  {
    id: 'trello-legacy-token',
    description: 'Older Trello user token (64 hex, no prefix) given to a Trello token or secret name',
    keywords: ['trello'],
    pattern: assigned('trello', '[0-9a-f]{64}', { kind: 'token|secret' }),
    entropy: 3.4,
    validate: plausible,
    examples: {
      positive: [
        `TRELLO_TOKEN=${fake(HEX, 64, 'trello-5')}`,
        `  trelloApiSecret: '${fake(HEX, 64, 'trello-6')}',`,
      ],
      negative: [
        `TRELLO_API_KEY=${fake(HEX, 32, 'trello-7')}`,
        `TRELLO_BOARD_SHA=${fake(HEX, 64, 'trello-8')}`,
        "  trelloApiSecret: process.env.TRELLO_SECRET ?? '',",
      ],
    },
  },
];
