import type { Rule } from '../../types.js';
import { LOWER, assigned, fake, plausible } from './kit-m-z.js';

export const MATTERMOST_RULES: readonly Rule[] = [
  {
    id: 'mattermost-access-token',
    description: 'Mattermost personal access or bot token (26 characters) assigned to a Mattermost token name',
    keywords: ['mattermost'],
    pattern: assigned('mattermost', '[a-z0-9]{26}', { kind: 'token|key|secret|password|pat' }),
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `MATTERMOST_TOKEN=${fake(LOWER, 26, 'mattermost-1')}`,
        `  mattermost_bot_access_token: "${fake(LOWER, 26, 'mattermost-2')}"`,
      ],
      negative: [
        `MATTERMOST_CHANNEL_ID=${fake(LOWER, 26, 'mattermost-3')}`,
        'MATTERMOST_TOKEN: ${{ secrets.MATTERMOST_TOKEN }}',
        'mattermost_token: "<your-personal-access-token>"',
      ],
    },
  },
];
