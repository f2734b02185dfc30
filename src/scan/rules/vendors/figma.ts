import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Figma tokens: figd_ personal access tokens; figu_, figur_, figr_, figo_, figp_ OAuth and plugin tokens
// (figma.com/developers/api#access-tokens; the prefixes TruffleHog's detector knows).

const fake = fakes('figma');

export const FIGMA_RULES: readonly Rule[] = [
  {
    id: 'figma-access-token',
    description: 'Figma personal access or OAuth token (figd_…)',
    keywords: ['figd_', 'figp_', 'figr_', 'figu', 'figo'],
    pattern: /\bfig(?:d|p|r|[uo][rh]?)_[A-Za-z0-9_-]{40,54}(?![\w-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `FIGMA_TOKEN=figd_${fake.alnum(40)}`,
        `curl -H "X-Figma-Token: figd_${fake.alnum(43)}" https://api.figma.com/v1/me`,
      ],
      negative: [
        'curl -H "X-Figma-Token: $FIGMA_TOKEN" https://api.figma.com/v1/me',
        `FIGMA_TOKEN=figd_${fake.alnum(20)}`,
        'config.figure_size = (8, 6)',
      ],
    },
  },
];
