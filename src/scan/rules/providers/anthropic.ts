import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const API_KEY = 'sk-ant-api03-PUSoYnD6zIjURLBm0WVRWvdXyu6UFhR6Vnz7WB4YEqZyV9jyE6tU_eqOP4fyhHlJ5j5JOBtDsaGXlJi6nMONzbdkyQvCBAA';
const ADMIN_KEY = 'sk-ant-admin01-LgJlRNNkpddixTVZg-0S5xApCseUGG0-B2EM4TxnJR_tVbYMVgkUE6Wfz1mocIzvqCsXxIj1jNOAeHPODIQqeE6lXQ09AAA';

export const ANTHROPIC_RULES: readonly Rule[] = [
  {
    id: 'anthropic-api-key',
    provider: 'anthropic',
    description: 'Anthropic API key (sk-ant-api03-…)',
    keywords: ['sk-ant-api03-'],
    pattern: new RegExp(String.raw`${START}(?<secret>sk-ant-api03-[\w-]{93}AA)${END}`),
    entropy: 4,
    examples: {
      positive: [`export ANTHROPIC_API_KEY=${API_KEY}`, `client = anthropic.Anthropic(api_key="${API_KEY}")`],
      negative: [
        `ANTHROPIC_API_KEY=sk-ant-api03-${'x'.repeat(93)}AA`,
        'ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}',
        `const key = "${API_KEY.slice(0, 60)}";`,
        `const key = "${API_KEY}xyz";`,
      ],
    },
  },
  {
    id: 'anthropic-admin-key',
    provider: 'anthropic',
    description: 'Anthropic Admin API key (sk-ant-admin01-…)',
    keywords: ['sk-ant-admin01-'],
    pattern: new RegExp(String.raw`${START}(?<secret>sk-ant-admin01-[\w-]{93}AA)${END}`),
    entropy: 4,
    examples: {
      positive: [`ANTHROPIC_ADMIN_KEY="${ADMIN_KEY}"`, `curl https://api.anthropic.com/v1/organizations/me -H "x-api-key: ${ADMIN_KEY}"`],
      negative: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<your-admin-key>', `adminKey: process.env.ANTHROPIC_ADMIN_KEY, // ${API_KEY.slice(0, 20)}…`, `"${ADMIN_KEY.replace('admin01', 'admin02')}"`],
    },
  },
];
