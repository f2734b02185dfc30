import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Honeycomb API keys: configuration keys (22 alphanumerics), classic keys (32 hex) and ingest keys
// (hcaik_ / hcxik_…) (docs.honeycomb.io/configure/environments/manage-api-keys); found in a Honeycomb
// setting or after the x-honeycomb-team header.

const fake = fakes('honeycomb');

export const HONEYCOMB_RULES: readonly Rule[] = [
  {
    id: 'honeycomb-api-key',
    description: 'Honeycomb API or ingest key (in a Honeycomb setting or x-honeycomb-team header)',
    keywords: ['honeycomb'],
    pattern:
      /honeycomb[\w.-]{0,20}?(?:key|team|token)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>hc[a-z]ik_[a-z0-9]{40,64}|[A-Za-z0-9]{22}|[a-f0-9]{32})(?![\w-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `HONEYCOMB_API_KEY=${fake.alnum(22)}`,
        `OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${fake.hex(32)}"`,
        `      x-honeycomb-team: hcaik_01${fake.lower(56)}`,
      ],
      negative: [
        'HONEYCOMB_API_KEY=hcaik_...',
        '      x-honeycomb-team: ${HONEYCOMB_API_KEY}',
        'HONEYCOMB_DATASET=checkout-service',
      ],
    },
  },
];
