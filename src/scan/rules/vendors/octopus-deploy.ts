import type { Rule } from '../../types.js';
import { UPPER, fake, plausible } from './kit-m-z.js';

/** Random upper-case letters and digits, both present: not an `API-SOMETHING-NAME` constant. */
const octopusShaped = (secret: string): boolean => /[0-9]/.test(secret.slice(4)) && /[A-Z]/.test(secret.slice(4)) && plausible(secret);

export const OCTOPUS_DEPLOY_RULES: readonly Rule[] = [
  {
    id: 'octopus-deploy-api-key',
    description: 'Octopus Deploy API key (API-…)',
    keywords: ['api-'],
    pattern: /\bAPI-[A-Z0-9]{26,34}(?![\w-])/,
    entropy: 3.5,
    validate: octopusShaped,
    examples: {
      positive: [
        `octo push --package MyApp.1.0.0.zip --server https://octopus.example.com --apiKey API-${fake(UPPER, 30, 'octopus-1')}`,
        `OCTOPUS_API_KEY=API-${fake(UPPER, 26, 'octopus-2')}`,
      ],
      negative: [
        'OCTOPUS_API_KEY=API-XXXXXXXXXXXXXXXXXXXXXXXXXX',
        'const GATEWAY = "API-GATEWAYINTEGRATIONRESPONSES";',
        'OCTOPUS_API_KEY: ${{ secrets.OCTOPUS_API_KEY }}',
      ],
    },
  },
];
