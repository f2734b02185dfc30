import type { Rule } from '../../types.js';
import { UUID, assigned, fakeUuid, plausible } from './kit-m-z.js';

export const SPLUNK_RULES: readonly Rule[] = [
  {
    id: 'splunk-hec-token',
    description: 'Splunk HTTP Event Collector token (a UUID) given to a Splunk/HEC token name or sent as `Splunk <token>`',
    keywords: ['splunk', 'hec'],
    pattern: assigned('splunk|hec', UUID, { kind: 'token', or: '\\bSplunk\\s{1,3}' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `SPLUNK_HEC_TOKEN=${fakeUuid('splunk-1')}`,
        `curl -k https://splunk.example.com:8088/services/collector/event -H "Authorization: Splunk ${fakeUuid('splunk-2')}" -d '{"event": "deploy"}'`,
      ],
      negative: [
        'curl -k https://splunk.example.com:8088/services/collector/event -H "Authorization: Splunk $SPLUNK_HEC_TOKEN"',
        `SPLUNK_INDEX_GUID=${fakeUuid('splunk-3')}`,
        'SPLUNK_HEC_TOKEN=00000000-0000-0000-0000-000000000000',
      ],
    },
  },
];
