import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Adafruit IO keys: aio_ + 28 alphanumerics (io.adafruit.com, "My Key").

const fake = fakes('adafruit');

export const ADAFRUIT_RULES: readonly Rule[] = [
  {
    id: 'adafruit-io-key',
    description: 'Adafruit IO key (aio_…)',
    keywords: ['aio_'],
    pattern: /\baio_[A-Za-z0-9]{28}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `#define IO_KEY "aio_${fake.alnum(28)}"`,
        `ADAFRUIT_IO_KEY = "aio_${fake.alnum(28)}"`,
      ],
      negative: [
        'ADAFRUIT_IO_KEY = "aio_xxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
        'import aio_pika',
        `ADAFRUIT_IO_KEY = "aio_${fake.alnum(34)}"`,
      ],
    },
  },
];
