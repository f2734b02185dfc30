import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Firecrawl API keys: fc- + 32 hex (docs.firecrawl.dev).

const fake = fakes('firecrawl');

export const FIRECRAWL_RULES: readonly Rule[] = [
  {
    id: 'firecrawl-api-key',
    description: 'Firecrawl API key (fc-…)',
    keywords: ['fc-'],
    pattern: /(?<![\w-])fc-[a-f0-9]{32}(?![\w-])/,
    entropy: 3,
    examples: {
      positive: [
        `FIRECRAWL_API_KEY=fc-${fake.hex(32)}`,
        `app = FirecrawlApp(api_key='fc-${fake.hex(32)}')`,
      ],
      negative: [
        "app = FirecrawlApp(api_key=os.getenv('FIRECRAWL_API_KEY'))",
        '<div class="fc-toolbar fc-header-toolbar">',
        'FIRECRAWL_API_KEY=fc-YOUR_API_KEY',
      ],
    },
  },
];
