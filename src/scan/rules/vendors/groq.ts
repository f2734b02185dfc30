import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Groq API keys: gsk_ + 52 characters with "WGdyb3FY" (base64 of "Xgroq") at characters 21–28
// (console.groq.com/keys; every published key carries the marker).

const fake = fakes('groq');

export const GROQ_RULES: readonly Rule[] = [
  {
    id: 'groq-api-key',
    description: 'Groq API key (gsk_…)',
    keywords: ['gsk_'],
    pattern: /\bgsk_[A-Za-z0-9]{20}WGdyb3FY[A-Za-z0-9]{24}\b/,
    entropy: 4,
    examples: {
      positive: [
        `GROQ_API_KEY=gsk_${fake.alnum(20)}WGdyb3FY${fake.alnum(24)}`,
        `const groq = new Groq({ apiKey: 'gsk_${fake.alnum(20)}WGdyb3FY${fake.alnum(24)}' });`,
      ],
      negative: [
        'GROQ_API_KEY=gsk_your_groq_api_key_here',
        "const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });",
        `GROQ_API_KEY=gsk_${fake.alnum(52)}`,
      ],
    },
  },
];
