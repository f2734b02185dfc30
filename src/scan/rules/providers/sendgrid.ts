import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const KEY = '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';

export const SENDGRID_RULES: readonly Rule[] = [
  {
    id: 'sendgrid-api-key',
    provider: 'sendgrid',
    description: 'SendGrid API key (SG.….…)',
    keywords: ['sg.'],
    pattern: new RegExp(String.raw`${START}(?<secret>SG\.[\w-]{22}\.[\w-]{43})${END}`),
    entropy: 4,
    examples: {
      positive: [`SENDGRID_API_KEY=${KEY}`, `sgMail.setApiKey('${KEY}');`],
      negative: [`SENDGRID_API_KEY=SG.${'x'.repeat(22)}.${'x'.repeat(43)}`, "sgMail.setApiKey(process.env.SENDGRID_API_KEY);", `SENDGRID_API_KEY=${KEY.slice(0, 50)}`],
    },
  },
];
