import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const TOKEN = 'nfp_sROV4inavc9239P2Y5UNNYZrntw6MxRXOvDv';
const TOKEN_40 = 'nfp_Q4Qlb8Zr9VY5qgMMFLb11ZMV39n2sDMd9UVlFdbm';

export const NETLIFY_RULES: readonly Rule[] = [
  {
    id: 'netlify-pat',
    provider: 'netlify',
    description: 'Netlify personal access token (nfp_…)',
    keywords: ['nfp_'],
    pattern: new RegExp(String.raw`${START}(?<secret>nfp_[A-Za-z0-9_]{36}(?:[A-Za-z0-9_]{4})?)${END}`),
    entropy: 4,
    examples: {
      positive: [`NETLIFY_AUTH_TOKEN=${TOKEN}`, `netlify deploy --prod --auth ${TOKEN_40}`],
      negative: [`NETLIFY_AUTH_TOKEN=nfp_${'x'.repeat(36)}`, 'NETLIFY_AUTH_TOKEN: ${{ secrets.NETLIFY_AUTH_TOKEN }}', `NETLIFY_AUTH_TOKEN=${TOKEN.slice(0, 30)}`],
    },
  },
];
