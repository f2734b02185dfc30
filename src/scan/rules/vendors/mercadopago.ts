import type { Rule } from '../../types.js';
import { DIGITS, HEX, fake, plausible } from './kit-m-z.js';

function token(prefix: string, seed: string): string {
  return `${prefix}-${fake(DIGITS, 16, `${seed}-a`)}-${fake(DIGITS, 6, `${seed}-b`)}-${fake(HEX, 32, `${seed}-c`)}-${fake(DIGITS, 9, `${seed}-d`)}`;
}

export const MERCADOPAGO_RULES: readonly Rule[] = [
  {
    id: 'mercadopago-access-token',
    description: 'Mercado Pago access token (APP_USR-… production, TEST-… sandbox)',
    keywords: ['app_usr-', 'test-'],
    pattern: /\b(?:APP_USR|TEST)-[0-9]{15,16}-[0-9]{6}-[0-9a-f]{32}-[0-9]{6,12}(?![\w-])/,
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `MERCADOPAGO_ACCESS_TOKEN=${token('APP_USR', 'mercadopago-1')}`,
        `const client = new MercadoPagoConfig({ accessToken: '${token('TEST', 'mercadopago-2')}' });`,
      ],
      negative: [
        "initMercadoPago('APP_USR-6b1c0a4e-3f0d-4c55-9a8e-1f2d3c4b5a69', { locale: 'es-AR' });",
        'MERCADOPAGO_ACCESS_TOKEN=APP_USR-***',
        'const client = new MercadoPagoConfig({ accessToken: process.env.MP_ACCESS_TOKEN });',
      ],
    },
  },
];
