import type { Rule } from '../../types.js';
import { ASSIGN, END, START, shape } from './kit.js';

// Token formats: vercel.com/changelog/new-token-formats-and-secret-scanning (vcp_ personal, vci_
// integration, vca_ app access, vcr_ app refresh, vck_ AI Gateway key; prefix + 56 characters).
// Older tokens are 24 plain characters: found by their name, or after `vercel … --token`.

const PERSONAL = 'vcp_El4ggqXFLQfJeT9T0IzbzyE6V1WwRHhiaHobBogPzgfqYyb3zOgTKzb9';
const INTEGRATION = 'vci_4OrBC19Rn6StqQcE03j4a7IQ1ZnVawJ17G1RcSBYNiZOxzlFHuRDjYMu';
const APP = 'vca_QSDv8amNEjHOUF3dpkZc26gGAmSlhR5fyeYLP70emnF19PapevGJzooQ';
const REFRESH = 'vcr_qWqx0f8TwqwNNrqgrU3IOeV5HA3tvOpTe7KGIS7swgJicCV70oTtQedp';
const GATEWAY = 'vck_2XE4lx32TxqaiS2pd5OZJcBkt0xLiZVAL7jlgTpFoepnetPS1e2mvLl3';
const LEGACY = 'Rz5WbZ45JL55odoYwO1b7xi7';

export const VERCEL_RULES: readonly Rule[] = [
  {
    id: 'vercel-access-token',
    provider: 'vercel',
    description: 'Vercel access token (vcp_ personal, vci_ integration, vca_ app)',
    keywords: ['vcp_', 'vci_', 'vca_'],
    pattern: new RegExp(String.raw`${START}(?<secret>vc[pia]_[A-Za-z0-9]{56})${END}`),
    entropy: 4,
    examples: {
      positive: [`VERCEL_TOKEN=${PERSONAL}`, `vercel deploy --prod --token=${INTEGRATION}`, `  "access_token": "${APP}",`],
      negative: [`VERCEL_TOKEN=vcp_${'x'.repeat(56)}`, 'VERCEL_TOKEN: ${{ secrets.VERCEL_TOKEN }}', `VERCEL_TOKEN=${PERSONAL.slice(0, 40)}`],
    },
  },
  {
    id: 'vercel-refresh-token',
    provider: 'vercel',
    description: 'Vercel app refresh token (vcr_…)',
    keywords: ['vcr_'],
    pattern: new RegExp(String.raw`${START}(?<secret>vcr_[A-Za-z0-9]{56})${END}`),
    entropy: 4,
    examples: {
      positive: [`  "refresh_token": "${REFRESH}",`, `VERCEL_REFRESH_TOKEN=${REFRESH}`],
      negative: [`"refresh_token": "vcr_${'0'.repeat(56)}"`, `"refresh_token": "${REFRESH}_old"`],
    },
  },
  {
    id: 'vercel-ai-gateway-key',
    provider: 'vercel',
    description: 'Vercel AI Gateway API key (vck_…)',
    keywords: ['vck_'],
    pattern: new RegExp(String.raw`${START}(?<secret>vck_[A-Za-z0-9]{56})${END}`),
    entropy: 4,
    examples: {
      positive: [`AI_GATEWAY_API_KEY=${GATEWAY}`, `const gateway = createGateway({ apiKey: '${GATEWAY}' });`],
      negative: ['AI_GATEWAY_API_KEY=vck_...', `AI_GATEWAY_API_KEY=vck_${'a'.repeat(56)}`],
    },
  },
  {
    id: 'vercel-token-legacy',
    provider: 'vercel',
    description: 'Vercel access token of the older 24-character shape, by its name or after `vercel … --token`',
    keywords: ['vercel'],
    pattern: new RegExp(
      String.raw`(?:vercel[\w.-]{0,20}?(?:token|api[_.-]?key)${ASSIGN}|vercel\b[^\n]{1,100}?\s--token[= ]["']?)(?<secret>[a-z0-9]{24})(?![\w-])`,
      'i',
    ),
    entropy: 3.5,
    validate: shape(/^(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d)[A-Za-z0-9]{24}$/),
    examples: {
      positive: [`export VERCEL_TOKEN=${LEGACY}`, `npx vercel deploy --prod --token ${LEGACY}`],
      negative: [
        `VERCEL_TOKEN=${LEGACY.toLowerCase()}`,
        'VERCEL_TOKEN=abcdefghijklmnopqrstuvwx',
        'npx vercel deploy --prod --token "$VERCEL_TOKEN"',
        'VERCEL_ORG_ID=team_a1B2c3D4e5F6g7H8i9J0kLmN',
      ],
    },
  },
];
