import type { Rule } from '../../types.js';
import { B64URL, assigned, fake, plausible } from './kit-m-z.js';

export const YANDEX_RULES: readonly Rule[] = [
  {
    id: 'yandex-access-token',
    description: 'Yandex Cloud IAM token (t1.…)',
    keywords: ['t1.'],
    pattern: /\bt1\.[A-Za-z0-9_-]{20,300}={0,2}\.[A-Za-z0-9_-]{86}={0,2}(?![\w=-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `YC_TOKEN=t1.9euelZq${fake(B64URL, 120, 'yandex-1')}.${fake(B64URL, 86, 'yandex-2')}`,
        `curl -H "Authorization: Bearer t1.9euelZq${fake(B64URL, 140, 'yandex-3')}.${fake(B64URL, 86, 'yandex-4')}" https://resource-manager.api.cloud.yandex.net/resource-manager/v1/clouds`,
      ],
      negative: [
        'curl -H "Authorization: Bearer ${IAM_TOKEN}" https://resource-manager.api.cloud.yandex.net/resource-manager/v1/clouds',
        'YC_TOKEN=t1.9euelZq...',
        `YC_TOKEN=t1.9euelZq${fake(B64URL, 120, 'yandex-5')}`,
      ],
    },
  },
  {
    id: 'yandex-api-key',
    description: 'Yandex Cloud API key (AQVN…)',
    keywords: ['aqvn'],
    pattern: /\bAQVN[A-Za-z0-9_-]{35,38}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `YC_API_KEY=AQVN${fake(B64URL, 36, 'yandex-6')}`,
        `headers = {"Authorization": "Api-Key AQVN${fake(B64URL, 36, 'yandex-7')}"}`,
      ],
      negative: [
        'headers = {"Authorization": f"Api-Key {os.environ[\'YC_API_KEY\']}"}',
        'YC_API_KEY=AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `YC_API_KEY=AQVN${fake(B64URL, 20, 'yandex-8')}`,
      ],
    },
  },
  {
    id: 'yandex-aws-access-token',
    description: 'Yandex Cloud static access key secret (YC + 38 characters) given to a Yandex/YC secret name',
    keywords: ['yandex', 'yc_', 'yc-', 'yc.'],
    pattern: assigned('yandex|yc[_.-]', 'YC[A-Za-z0-9_-]{38}', { kind: 'secret|key' }),
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `YC_SECRET_ACCESS_KEY=YC${fake(B64URL, 38, 'yandex-9')}`,
        `  yandex_storage_secret_key: "YC${fake(B64URL, 38, 'yandex-10')}"`,
      ],
      negative: [
        `YC_ACCESS_KEY_ID=YCAJE${fake(B64URL, 20, 'yandex-11')}`,
        '  yandex_storage_secret_key: var.yc_secret_key',
        'YC_SECRET_ACCESS_KEY=YCxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
];
