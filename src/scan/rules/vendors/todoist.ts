import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

export const TODOIST_RULES: readonly Rule[] = [
  {
    id: 'todoist-api-token',
    description: 'Todoist API token (40 hex) given to a Todoist token name or to TodoistAPI()',
    keywords: ['todoist'],
    pattern: assigned('todoist', '[0-9a-f]{40}', { kind: 'token|key|secret', or: 'todoistapi\\(\\s{0,3}["\']' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `TODOIST_API_TOKEN=${fake(HEX, 40, 'todoist-1')}`,
        `api = TodoistAPI("${fake(HEX, 40, 'todoist-2')}")`,
      ],
      negative: [
        'api = TodoistAPI(os.environ["TODOIST_API_TOKEN"])',
        `TODOIST_PROJECT_ID=${fake(HEX, 40, 'todoist-3')}`,
        'TODOIST_API_TOKEN=0123456789abcdef0123456789abcdef01234567',
      ],
    },
  },
];
