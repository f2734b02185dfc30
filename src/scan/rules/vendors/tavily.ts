import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

export const TAVILY_RULES: readonly Rule[] = [
  {
    id: 'tavily-api-key',
    description: 'Tavily search API key (tvly-…, tvly-dev-…, tvly-prod-…)',
    keywords: ['tvly-'],
    pattern: /\btvly-(?:dev-|prod-)?[A-Za-z0-9]{32}(?![\w-])/,
    entropy: 3.9,
    validate: plausible,
    examples: {
      positive: [
        `TAVILY_API_KEY=tvly-dev-${fake(ALNUM, 32, 'tavily-1')}`,
        `tavily_client = TavilyClient(api_key="tvly-${fake(ALNUM, 32, 'tavily-2')}")`,
      ],
      negative: [
        'TAVILY_API_KEY="tvly-your-api-key"',
        'os.environ["TAVILY_API_KEY"] = "tvly-test-key-12345"',
        'tavily_client = TavilyClient(api_key=os.getenv("TAVILY_API_KEY"))',
      ],
    },
  },
];
