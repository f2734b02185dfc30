import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

// Secret (sk_) and restricted (rk_) keys, live or test. Test keys are rules of their own, so a
// repository that keeps test keys on purpose can turn those off alone.

const SECRET_LIVE = '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';
const SECRET_LIVE_SHORT = 'sk_live_pgLlZUm0zfTUOBdbumN2Kr0M';
const SECRET_TEST = 'sk_test_51DKwOGzoUz8nptH3Zb6iCVwA8Lr70xKaTOq05uvw2M8O68AQJctUSAb5tFPVeDHWCVQOcKuAXtwyuEEuZL0cdY58LoAqX302Sk';
const RESTRICTED_LIVE = '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';
const RESTRICTED_TEST = 'rk_test_51puWH01Ij5T20tdLzOPnn5N4wzLV955J3jLWGjXP0Zn4qS8MAUsWzm4GwddL9YrKV43ZQcBF7yTZJ6U5KMf4pnFmoeaPYwmvxs';

/** The test keys of Stripe's own documentation: public, shared by every reader. */
const DOCS_KEYS = new Set(['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_BQokikJOvBiI2HlWgH4olfQ2', 'rk_test_4eC39HqLyjWDarjtT1zdp7dc']);

function stripeRule(id: string, prefix: string, description: string, positive: string[], negative: string[]): Rule {
  return {
    id,
    provider: 'stripe',
    description,
    keywords: [prefix],
    pattern: new RegExp(String.raw`${START}(?<secret>${prefix}[0-9A-Za-z]{24,247})${END}`),
    entropy: 4,
    validate: (secret) => !DOCS_KEYS.has(secret),
    examples: { positive, negative },
  };
}

export const STRIPE_RULES: readonly Rule[] = [
  stripeRule(
    'stripe-live-secret-key',
    'sk_live_',
    'Stripe live secret key (sk_live_…)',
    [
      `STRIPE_SECRET_KEY=${SECRET_LIVE}`,
      `Stripe.api_key = "${SECRET_LIVE_SHORT}"`,
      `const stripe = require('stripe')('${SECRET_LIVE}');`,
      // the 24-character form, where elevenlabs-api-key (sk_ + hex) leaves it to this rule
      `STRIPE_SECRET_KEY=${SECRET_LIVE_SHORT}`,
    ],
    ['STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'const stripe = require("stripe")(process.env.STRIPE_SECRET_KEY);', 'STRIPE_SECRET_KEY=sk_live_...', `nonMatchingToken := "task_live_${SECRET_LIVE.slice(8, 38)}"`],
  ),
  stripeRule(
    'stripe-test-secret-key',
    'sk_test_',
    'Stripe test-mode secret key (sk_test_…)',
    [`STRIPE_SECRET_KEY=${SECRET_TEST}`, `  secret_key: "${SECRET_TEST}"`],
    [
      // the public key of Stripe's documentation
      'Stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"',
      'STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx',
      'STRIPE_PUBLISHABLE_KEY=pk_test_TYooMQauvdEDq54NiTphI7jx',
    ],
  ),
  stripeRule(
    'stripe-live-restricted-key',
    'rk_live_',
    'Stripe live restricted key (rk_live_…)',
    [`STRIPE_RESTRICTED_KEY=${RESTRICTED_LIVE}`, `stripe.api_key = '${RESTRICTED_LIVE}'`],
    ['STRIPE_RESTRICTED_KEY=rk_live_<your restricted key>', 'STRIPE_RESTRICTED_KEY=rk_live_000000000000000000000000'],
  ),
  stripeRule(
    'stripe-test-restricted-key',
    'rk_test_',
    'Stripe test-mode restricted key (rk_test_…)',
    [`STRIPE_RESTRICTED_KEY=${RESTRICTED_TEST}`, `  restricted_key: "${RESTRICTED_TEST}"`],
    ['STRIPE_RESTRICTED_KEY=rk_test_xxxxxxxxxxxxxxxxxxxxxxxx', `STRIPE_RESTRICTED_KEY=${RESTRICTED_TEST.slice(0, 20)}`],
  ),
];
