import type { Rule } from '../../types.js';
import { ALNUM, HEX, fake, plausible } from './kit-m-z.js';

export const SENDINBLUE_RULES: readonly Rule[] = [
  {
    id: 'sendinblue-api-token',
    description: 'Brevo (Sendinblue) API key (xkeysib-…)',
    keywords: ['xkeysib-'],
    pattern: /\bxkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `BREVO_API_KEY=xkeysib-${fake(HEX, 64, 'sendinblue-1')}-${fake(ALNUM, 16, 'sendinblue-2')}`,
        `apiKey.apiKey = 'xkeysib-${fake(HEX, 64, 'sendinblue-3')}-${fake(ALNUM, 16, 'sendinblue-4')}';`,
      ],
      negative: [
        "apiKey.apiKey = process.env.BREVO_API_KEY;",
        'BREVO_API_KEY=xkeysib-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx',
        `BREVO_API_KEY=xkeysib-${fake(HEX, 64, 'sendinblue-5')}`,
      ],
    },
  },
  {
    id: 'sendinblue-smtp-key',
    description: 'Brevo (Sendinblue) SMTP key (xsmtpsib-…)',
    keywords: ['xsmtpsib-'],
    pattern: /\bxsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16}(?![\w-])/,
    entropy: 3.5,
    validate: plausible,
    examples: {
      positive: [
        `SMTP_PASSWORD=xsmtpsib-${fake(HEX, 64, 'sendinblue-6')}-${fake(ALNUM, 16, 'sendinblue-7')}`,
        `spring.mail.password=xsmtpsib-${fake(HEX, 64, 'sendinblue-8')}-${fake(ALNUM, 16, 'sendinblue-9')}`,
      ],
      negative: [
        'spring.mail.password=${BREVO_SMTP_KEY}',
        'SMTP_PASSWORD=xsmtpsib-...',
        `SMTP_PASSWORD=xsmtpsib-${fake(HEX, 50, 'sendinblue-10')}-${fake(ALNUM, 16, 'sendinblue-11')}`,
      ],
    },
  },
];
