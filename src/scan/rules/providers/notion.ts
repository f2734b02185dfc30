import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

// Notion advises against validating tokens by pattern: these are the internal integration token
// shapes seen so far (ntn_ since September 2024, secret_ before), 50 characters each.

const TOKEN = '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';
const LEGACY = 'secret_04a75n0F40I4j3R25BpNWHgmPmPYUSEcAhgBKRnQ1Se';

export const NOTION_RULES: readonly Rule[] = [
  {
    id: 'notion-integration-token',
    provider: 'notion',
    description: 'Notion internal integration token (ntn_…)',
    keywords: ['ntn_'],
    pattern: new RegExp(String.raw`${START}(?<secret>ntn_\d{11}[A-Za-z0-9]{35})${END}`),
    entropy: 4,
    examples: {
      positive: [`NOTION_TOKEN=${TOKEN}`, `const notion = new Client({ auth: "${TOKEN}" });`],
      negative: [`NOTION_TOKEN=ntn_${'1'.repeat(11)}${'x'.repeat(35)}`, 'const notion = new Client({ auth: process.env.NOTION_TOKEN });', `NOTION_TOKEN=${TOKEN}x`],
    },
  },
  {
    id: 'notion-integration-token-legacy',
    provider: 'notion',
    description: 'Notion internal integration token of the shape before September 2024 (secret_…)',
    keywords: ['secret_'],
    pattern: new RegExp(String.raw`${START}(?<secret>secret_[A-Za-z0-9]{43})${END}`),
    entropy: 4.5,
    examples: {
      positive: [`NOTION_API_KEY=${LEGACY}`, `notion = Client(auth="${LEGACY}")`],
      negative: [`client_${LEGACY}`, `NOTION_API_KEY=secret_${'x'.repeat(43)}`, 'secret_key_base = "<%= ENV["SECRET_KEY_BASE"] %>"', `NOTION_API_KEY=${LEGACY.slice(0, 40)}`],
    },
  },
];
