import type { Rule } from '../../types.js';
import { B64URL, fake, jsonObject } from './kit-m-z.js';

/** A Mapbox token's middle part is base64url JSON naming its user (`{"u":"…","a":"…"}`). */
function mapboxPayload(secret: string): boolean {
  const payload = jsonObject(secret.split('.')[1] ?? '');
  return typeof payload?.['u'] === 'string';
}

function token(user: string, seed: string): string {
  const payload = Buffer.from(JSON.stringify({ u: user, a: `cl${fake('abcdefghijklmnopqrstuvwxyz0123456789', 23, seed)}` })).toString('base64url');
  return `sk.${payload}.${fake(B64URL, 22, `${seed}-sig`)}`;
}

export const MAPBOX_RULES: readonly Rule[] = [
  {
    id: 'mapbox-secret-token',
    description: 'Mapbox secret access token (sk.eyJ…), whose payload names its account',
    keywords: ['sk.eyj'],
    pattern: /\bsk\.eyJ[A-Za-z0-9_-]{10,300}\.[A-Za-z0-9_-]{20,40}(?![\w-])/,
    entropy: 4,
    validate: mapboxPayload,
    examples: {
      positive: [
        `export MAPBOX_DOWNLOADS_TOKEN=${token('trailhead-maps', 'mapbox-1')}`,
        `MAPBOX_SECRET_TOKEN: "${token('kpetrov', 'mapbox-2')}"`,
      ],
      negative: [
        'export MAPBOX_DOWNLOADS_TOKEN=sk.eyJ1IjoiYOUR_USERNAME.YOUR_TOKEN_SIGNATURE_HERE',
        'mapboxgl.accessToken = process.env.MAPBOX_TOKEN;',
        `MAPBOX_SECRET_TOKEN: "sk.eyJ${fake(B64URL, 40, 'mapbox-3')}.${fake(B64URL, 22, 'mapbox-4')}"`,
      ],
    },
  },
];
