import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// HubSpot private app access tokens: pat-<region>-<UUID> (developers.hubspot.com/docs/api/private-apps).

const fake = fakes('hubspot');

export const HUBSPOT_RULES: readonly Rule[] = [
  {
    id: 'hubspot-private-app-token',
    description: 'HubSpot private app access token (pat-na1-…)',
    keywords: ['pat-'],
    pattern: /\bpat-[a-z]{2}\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/,
    entropy: 3,
    examples: {
      positive: [
        `HUBSPOT_ACCESS_TOKEN=pat-na1-${fake.uuid()}`,
        `const hubspotClient = new hubspot.Client({ accessToken: 'pat-eu1-${fake.uuid()}' });`,
      ],
      negative: [
        "const hubspotClient = new hubspot.Client({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN });",
        'HUBSPOT_ACCESS_TOKEN=pat-na1-00000000-0000-0000-0000-000000000000',
      ],
    },
  },
];
