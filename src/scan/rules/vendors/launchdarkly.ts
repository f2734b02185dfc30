import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// LaunchDarkly API access tokens (api-<UUID v4>) and server-side SDK keys (sdk-<UUID v4>)
// (docs.launchdarkly.com/home/account/api, /sdk/concepts/client-side-server-side#keys). Mobile keys
// (mob-…) and client-side ids are meant to ship in apps.

const fake = fakes('launchdarkly');

export const LAUNCHDARKLY_RULES: readonly Rule[] = [
  {
    id: 'launchdarkly-api-token',
    description: 'LaunchDarkly API access token (api-<uuid>)',
    keywords: ['api-'],
    pattern: /(?<![\w.-])api-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}(?![\w.-])/,
    entropy: 3,
    examples: {
      positive: [
        `LAUNCHDARKLY_ACCESS_TOKEN=api-${fake.uuid()}`,
        `curl -H "Authorization: api-${fake.uuid()}" https://app.launchdarkly.com/api/v2/projects`,
      ],
      negative: [
        'curl -H "Authorization: $LD_API_TOKEN" https://app.launchdarkly.com/api/v2/projects',
        `https://api-${fake.uuid()}.execute-api.eu-west-1.amazonaws.com/prod`,
        'LAUNCHDARKLY_ACCESS_TOKEN=api-00000000-0000-0000-0000-000000000000',
      ],
    },
  },
  {
    id: 'launchdarkly-sdk-key',
    description: 'LaunchDarkly server-side SDK key (sdk-<uuid>)',
    keywords: ['sdk-'],
    pattern: /(?<![\w.-])sdk-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}(?![\w.-])/,
    entropy: 3,
    examples: {
      positive: [
        `LAUNCHDARKLY_SDK_KEY=sdk-${fake.uuid()}`,
        `ldclient.set_config(Config('sdk-${fake.uuid()}'))`,
      ],
      negative: [
        "ldclient.set_config(Config(os.environ['LAUNCHDARKLY_SDK_KEY']))",
        `LAUNCHDARKLY_MOBILE_KEY=mob-${fake.uuid()}`,
      ],
    },
  },
];
