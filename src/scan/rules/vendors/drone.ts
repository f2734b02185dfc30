import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Drone CI personal tokens: 32 alphanumerics with no prefix (docs.drone.io/cli/setup); found in a Drone token setting.

const fake = fakes('drone');

export const DRONE_RULES: readonly Rule[] = [
  {
    id: 'droneci-access-token',
    description: 'Drone CI access token (32 characters, in a Drone setting)',
    keywords: ['drone'],
    pattern: /drone[\w.-]{0,20}?token[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{32})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `export DRONE_TOKEN=${fake.alnum(32)}`,
        `  drone_token: "${fake.alnum(32)}"`,
      ],
      negative: [
        'export DRONE_TOKEN=${DRONE_TOKEN}',
        'export DRONE_SERVER=https://drone.example.com',
      ],
    },
  },
];
