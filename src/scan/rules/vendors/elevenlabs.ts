import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// ElevenLabs API keys: sk_ + 48 hex (elevenlabs.io/docs/api-reference/authentication).

const fake = fakes('elevenlabs');

export const ELEVENLABS_RULES: readonly Rule[] = [
  {
    id: 'elevenlabs-api-key',
    description: 'ElevenLabs API key (sk_ + 48 hex)',
    keywords: ['sk_'],
    pattern: /\bsk_[a-f0-9]{48}\b/,
    entropy: 3,
    examples: {
      positive: [
        `ELEVENLABS_API_KEY=sk_${fake.hex(48)}`,
        `curl https://api.elevenlabs.io/v1/voices -H "xi-api-key: sk_${fake.hex(48)}"`,
      ],
      negative: [
        'curl https://api.elevenlabs.io/v1/voices -H "xi-api-key: $ELEVENLABS_API_KEY"',
        // (a Stripe key, sk_live_…, is stripe-live-secret-key's: one of its positive examples)
        `ELEVENLABS_API_KEY=sk_${fake.hex(32)}`,
      ],
    },
  },
];
