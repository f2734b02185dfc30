import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const KEY = 'PMAK-ccf26e1e92d0625f5323b4bb-8b9847bd19c0c2dab2a0f104f1f438de95';

export const POSTMAN_RULES: readonly Rule[] = [
  {
    id: 'postman-api-key',
    provider: 'postman',
    description: 'Postman API key (PMAK-…)',
    keywords: ['pmak-'],
    pattern: new RegExp(String.raw`${START}(?<secret>PMAK-[0-9a-fA-F]{24}-[0-9a-fA-F]{34})${END}`),
    entropy: 3,
    examples: {
      positive: [`POSTMAN_API_KEY=${KEY}`, `newman run "https://api.getpostman.com/collections/123?apikey=${KEY}"`],
      negative: [`POSTMAN_API_KEY=PMAK-${'0'.repeat(24)}-${'0'.repeat(34)}`, 'POSTMAN_API_KEY=PMAK-<your key>', `POSTMAN_API_KEY=${KEY.slice(0, 40)}`],
    },
  },
];
