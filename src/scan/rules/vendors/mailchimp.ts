import type { Rule } from '../../types.js';
import { ALNUM, HEX, fake, plausible } from './kit-m-z.js';

/** Mailchimp Transactional (Mandrill) keys: `md-` + 22 base64url characters, mixed case. */
function mandrillShaped(secret: string): boolean {
  const body = secret.slice(3);
  return /[A-Z]/.test(body) && /[a-z]/.test(body) && plausible(body);
}

export const MAILCHIMP_RULES: readonly Rule[] = [
  {
    id: 'mailchimp-api-key',
    description: 'Mailchimp Marketing API key (32 hex characters and the data-centre suffix -usNN)',
    keywords: ['-us'],
    pattern: /(?<![\w-])[0-9a-f]{32}-us[0-9]{1,2}(?![\w-])/,
    entropy: 3,
    validate: plausible,
    examples: {
      positive: [
        `MAILCHIMP_API_KEY=${fake(HEX, 32, 'mailchimp-1')}-us21`,
        `mailchimp.setConfig({ apiKey: '${fake(HEX, 32, 'mailchimp-2')}-us6', server: 'us6' });`,
      ],
      negative: [
        'MAILCHIMP_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us21',
        "mailchimp.setConfig({ apiKey: process.env.MAILCHIMP_API_KEY, server: 'us6' });",
        `cache_key: ${fake(HEX, 32, 'mailchimp-3')}-us-east-1`,
      ],
    },
  },
  {
    id: 'mailchimp-transactional-api-key',
    description: 'Mailchimp Transactional (Mandrill) API key (md-…)',
    keywords: ['md-'],
    pattern: /(?<![\w-])md-[A-Za-z0-9_-]{22}(?![\w-])/,
    entropy: 3.4,
    validate: mandrillShaped,
    examples: {
      positive: [
        `MANDRILL_API_KEY = "md-${fake(ALNUM, 22, 'mandrill-1')}"`,
        `const mailchimpClient = mailchimpTx("md-${fake(ALNUM, 22, 'mandrill-2')}");`,
      ],
      negative: [
        'MANDRILL_API_KEY = "md-key"',
        '<md-autocomplete md-input-name="autocompleteField">',
        `MANDRILL_API_KEY=md-${fake(ALNUM, 16, 'mandrill-3')}`,
      ],
    },
  },
];
