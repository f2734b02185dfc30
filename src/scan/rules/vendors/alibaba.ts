import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Alibaba Cloud AccessKey pairs: the id starts with LTAI; the 30-character secret has no prefix and
// is found only in an Alibaba / Aliyun secret setting (alibabacloud.com "Create an AccessKey pair").

const fake = fakes('alibaba');

export const ALIBABA_RULES: readonly Rule[] = [
  {
    id: 'alibaba-access-key-id',
    description: 'Alibaba Cloud AccessKey ID (LTAI…)',
    keywords: ['ltai'],
    pattern: /\bLTAI[A-Za-z0-9]{12,20}\b/,
    entropy: 3,
    examples: {
      positive: [
        `ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${fake.alnum(20)}`,
        `  access_key_id: LTAI${fake.alnum(12)}`,
      ],
      negative: [
        'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIxxxxxxxxxxxxxxxxxxxx',
        `ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${fake.alnum(8)}`,
        `ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${fake.alnum(28)}`,
      ],
    },
  },
  {
    id: 'alibaba-access-key-secret',
    description: 'Alibaba Cloud AccessKey secret (30 characters, in an Alibaba / Aliyun secret setting)',
    keywords: ['alibaba', 'aliyun', 'alicloud'],
    pattern:
      /(?:alibaba|aliyun|alicloud)[\w.-]{0,30}?secret[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{30})(?![\w-])/i,
    entropy: 3.8,
    examples: {
      positive: [
        `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${fake.alnum(30)}`,
        `  "aliyunAccessKeySecret": "${fake.alnum(30)}",`,
      ],
      negative: [
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=${ALIBABA_CLOUD_ACCESS_KEY_SECRET}',
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET=your_access_key_secret_here_00',
        `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${fake.alnum(24)}`,
      ],
    },
  },
];
