import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Langfuse API keys: sk-lf-<UUID> (secret) and pk-lf-<UUID> (public) (langfuse.com/docs).

const fake = fakes('langfuse');

export const LANGFUSE_RULES: readonly Rule[] = [
  {
    id: 'langfuse-secret-key',
    description: 'Langfuse secret key (sk-lf-…)',
    keywords: ['sk-lf-'],
    pattern: /\bsk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/,
    entropy: 3,
    examples: {
      positive: [
        `LANGFUSE_SECRET_KEY=sk-lf-${fake.uuid()}`,
        `langfuse = Langfuse(public_key="pk-lf-${fake.uuid()}", secret_key="sk-lf-${fake.uuid()}", host="https://cloud.langfuse.com")`,
      ],
      negative: [
        'LANGFUSE_SECRET_KEY=sk-lf-...',
        `LANGFUSE_PUBLIC_KEY=pk-lf-${fake.uuid()}`,
        'LANGFUSE_SECRET_KEY=sk-lf-REPLACE-ME',
      ],
    },
  },
];
