import { hasValidCrc32Suffix } from '../../../providers/checksum.js';
import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

// npm_ + 30 random + a CRC-32 checksum in 6 base62 characters, as GitHub's tokens
// (src/providers/checksum.ts).

const TOKEN = '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';
const TOKEN_2 = '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';

export const NPM_RULES: readonly Rule[] = [
  {
    id: 'npm-access-token',
    provider: 'npm',
    description: 'npm access token (npm_…), checksum verified',
    keywords: ['npm_'],
    pattern: new RegExp(String.raw`${START}(?<secret>npm_[A-Za-z0-9]{36})${END}`),
    validate: (secret) => hasValidCrc32Suffix(secret, 'npm_'),
    examples: {
      positive: [`//registry.npmjs.org/:_authToken=${TOKEN}`, `export NODE_AUTH_TOKEN=${TOKEN_2}`],
      negative: [
        // the checksum does not hold
        `//registry.npmjs.org/:_authToken=${TOKEN.slice(0, -1)}A`,
        '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
        '//registry.npmjs.org/:_authToken=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
