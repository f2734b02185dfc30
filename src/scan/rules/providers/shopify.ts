import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const ACCESS = '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';
const CUSTOM = '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';
const PRIVATE = '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';

function shopifyRule(id: string, prefix: string, description: string, token: string): Rule {
  return {
    id,
    provider: 'shopify',
    description,
    keywords: [prefix],
    pattern: new RegExp(String.raw`${START}(?<secret>${prefix}[a-fA-F0-9]{32})${END}`),
    entropy: 3,
    examples: {
      positive: [`SHOPIFY_ACCESS_TOKEN=${token}`, `curl https://acme.myshopify.com/admin/api/2025-01/shop.json -H "X-Shopify-Access-Token: ${token}"`],
      negative: [`SHOPIFY_ACCESS_TOKEN=${prefix}${'0'.repeat(32)}`, `SHOPIFY_ACCESS_TOKEN=${prefix}<token>`, `SHOPIFY_ACCESS_TOKEN=${token.slice(0, 30)}`],
    },
  };
}

export const SHOPIFY_RULES: readonly Rule[] = [
  shopifyRule('shopify-access-token', 'shpat_', 'Shopify Admin API access token (shpat_…)', ACCESS),
  shopifyRule('shopify-custom-app-token', 'shpca_', 'Shopify custom app access token (shpca_…)', CUSTOM),
  shopifyRule('shopify-private-app-token', 'shppa_', 'Shopify private app access token (shppa_…)', PRIVATE),
];
