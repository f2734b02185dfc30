import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Braintree / PayPal access tokens: access_token$<environment>$<merchant id>$<32 hex>
// (developer.paypal.com/braintree "Access tokens"; also GitHub secret scanning's pattern list).

const fake = fakes('braintree');

export const BRAINTREE_RULES: readonly Rule[] = [
  {
    id: 'braintree-access-token',
    description: 'Braintree (PayPal) access token (access_token$production$…)',
    keywords: ['access_token$'],
    pattern: /\baccess_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32}\b/,
    examples: {
      positive: [
        `const gateway = new braintree.BraintreeGateway({ accessToken: 'access_token$production$${fake.lower(16)}$${fake.hex(32)}' });`,
        `BRAINTREE_ACCESS_TOKEN=access_token$sandbox$${fake.lower(16)}$${fake.hex(32)}`,
      ],
      negative: [
        "const gateway = new braintree.BraintreeGateway({ accessToken: process.env.BRAINTREE_ACCESS_TOKEN });",
        'BRAINTREE_ACCESS_TOKEN=access_token$production$<merchant_id>$<token>',
      ],
    },
  },
];
