import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Clojars deploy tokens: CLOJARS_ + 60 characters (github.com/clojars/clojars-web/wiki/Deploy-Tokens).

const fake = fakes('clojars');

export const CLOJARS_RULES: readonly Rule[] = [
  {
    id: 'clojars-deploy-token',
    description: 'Clojars deploy token (CLOJARS_…)',
    keywords: ['clojars_'],
    pattern: /\bCLOJARS_[a-z0-9]{60}\b/i,
    entropy: 3,
    examples: {
      positive: [
        `CLOJARS_PASSWORD=CLOJARS_${fake.hex(60)}`,
        `  :repositories [["clojars" {:url "https://repo.clojars.org" :username "deployer" :password "CLOJARS_${fake.hex(60)}"}]]`,
      ],
      negative: [
        'CLOJARS_PASSWORD=${{ secrets.CLOJARS_DEPLOY_TOKEN }}',
        '  :repositories [["clojars" {:url "https://repo.clojars.org" :username :env/clojars_username :password :env/clojars_password}]]',
        `CLOJARS_PASSWORD=CLOJARS_${fake.hex(32)}`,
      ],
    },
  },
];
