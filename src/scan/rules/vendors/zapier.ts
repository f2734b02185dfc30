import type { Rule } from '../../types.js';
import { DIGITS, fake, plausible } from './kit-m-z.js';

const hook = (seed: string): string => `https://hooks.zapier.com/hooks/catch/${fake(DIGITS, 8, `${seed}-account`)}/${fake('abcdefghijklmnopqrstuvwxyz0123456789', 7, `${seed}-hook`)}/`;

export const ZAPIER_RULES: readonly Rule[] = [
  {
    id: 'zapier-webhook-url',
    description: 'Zapier "Catch Hook" webhook URL (hooks.zapier.com/hooks/catch/…)',
    keywords: ['hooks.zapier.com'],
    pattern: /https?:\/\/hooks\.zapier\.com\/hooks\/catch\/[0-9]{4,12}\/[a-z0-9]{5,12}\/?(?![\w-])/,
    validate: plausible,
    examples: {
      positive: [
        `ZAPIER_WEBHOOK_URL=${hook('zapier-1')}`,
        `await fetch('${hook('zapier-2')}', { method: 'POST', body: JSON.stringify(lead) });`,
      ],
      negative: [
        'ZAPIER_WEBHOOK_URL=https://hooks.zapier.com/hooks/catch/123456/abcdef/',
        "await fetch(process.env.ZAPIER_WEBHOOK_URL, { method: 'POST', body: JSON.stringify(lead) });",
        'See https://help.zapier.com/hc/en-us/articles/8496288690317-Trigger-Zaps-from-webhooks',
      ],
    },
  },
];
