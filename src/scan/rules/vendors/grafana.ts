import { crc32 } from 'node:zlib';
import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Grafana API keys (eyJrIjoi… = base64 of {"k":"…","n":"…","id":…}), Grafana Cloud tokens (glc_…) and
// service account tokens: glsa_ + 32 + "_" + the CRC-32 of "glsa_<32>", 4 bytes little-endian in hex
// (grafana/grafana pkg/components/satokengen). The checksum and the API key's JSON are checked.

const fake = fakes('grafana');

/** A Grafana API key decodes to {"k":"<key>","n":"<name>","id":<n>}; a Power BI link's r= value does not. */
function isGrafanaApiKey(secret: string): boolean {
  const text = Buffer.from(secret, 'base64').toString('latin1');
  return /^\{"k":"[A-Za-z0-9]{16,64}","n":"[^"]{1,200}","id":\d+/.test(text);
}

/** CRC-32 of `text`, its 4 bytes little-endian, in hex: the suffix of a service account token. */
function checksum(text: string): string {
  const crc = crc32(text) >>> 0;
  return [crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function hasGrafanaChecksum(secret: string): boolean {
  const cut = secret.lastIndexOf('_');
  return checksum(secret.slice(0, cut)) === secret.slice(cut + 1).toLowerCase();
}

/** A fake API key for the examples: base64 of {"k":…,"n":…,"id":…}, unpadded. */
function apiKey(): string {
  return Buffer.from(JSON.stringify({ k: fake.alnum(32), n: 'dashboards-sync', id: 3 })).toString('base64').replace(/=+$/, '');
}

/** A fake service account token for the examples, with a valid checksum. */
function serviceAccountToken(): string {
  const body = `glsa_${fake.alnum(32)}`;
  return `${body}_${checksum(body)}`;
}

export const GRAFANA_RULES: readonly Rule[] = [
  {
    id: 'grafana-api-key',
    description: 'Grafana API key (eyJrIjoi…)',
    keywords: ['eyjrijoi'],
    pattern: /\beyJrIjoi[A-Za-z0-9+/]{60,400}={0,2}(?![\w+/=-])/,
    validate: isGrafanaApiKey,
    examples: {
      positive: [
        `GRAFANA_API_KEY=${apiKey()}`,
        `curl -H "Authorization: Bearer ${apiKey()}" http://grafana.internal:3000/api/dashboards/home`,
      ],
      negative: [
        'View the latest results [here](https://app.powerbi.com/view?r=eyJrIjoiYTZjMTk3YjEtMzQ4Yi00NTI5LTg2ZDItNmUyMGRlOTkwMGRlIiwidCI6IjcyZjk4OGJmLTg2ZjEtNDFhZi05MWFiLTJkN2NkMDExZGI0NyIsImMiOjV9)',
        'curl -H "Authorization: Bearer $GRAFANA_API_KEY" http://grafana.internal:3000/api/dashboards/home',
      ],
    },
  },
  {
    id: 'grafana-cloud-api-token',
    description: 'Grafana Cloud access policy or API token (glc_…)',
    keywords: ['glc_'],
    pattern: /\bglc_[A-Za-z0-9+/]{32,400}={0,2}(?![\w+/=-])/,
    entropy: 4,
    examples: {
      positive: [
        `GRAFANA_CLOUD_TOKEN=glc_${fake.alnum(120)}==`,
        `        password: "glc_${fake.alnum(140)}"`,
      ],
      negative: [
        'GRAFANA_CLOUD_TOKEN=glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        '        password: ${GRAFANA_CLOUD_TOKEN}',
        `GRAFANA_CLOUD_TOKEN=glc_${fake.alnum(16)}`,
      ],
    },
  },
  {
    id: 'grafana-service-account-token',
    description: 'Grafana service account token (glsa_…)',
    keywords: ['glsa_'],
    pattern: /\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b/,
    validate: hasGrafanaChecksum,
    examples: {
      positive: [
        `GRAFANA_SA_TOKEN=${serviceAccountToken()}`,
        `curl -H "Authorization: Bearer ${serviceAccountToken()}" https://acme.grafana.net/api/access-control/user/permissions`,
      ],
      negative: [
        `GRAFANA_SA_TOKEN=glsa_${fake.alnum(32)}_${fake.hex(8)}`,
        'GRAFANA_SA_TOKEN=glsa_xxx...',
      ],
    },
  },
];
