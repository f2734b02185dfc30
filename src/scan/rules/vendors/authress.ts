import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Authress service client access keys: <prefix>_<client>.<key id>.acc_<account>.<private key>
// (authress.io knowledge base, "Service client access keys").

const fake = fakes('authress');

export const AUTHRESS_RULES: readonly Rule[] = [
  {
    id: 'authress-service-client-access-key',
    description: 'Authress service client access key (sc_….acc_….…)',
    keywords: ['.acc_', '.acc-'],
    pattern: /\b(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\.[A-Za-z0-9]{4,6}\.acc[_-][A-Za-z0-9-]{10,32}\.[A-Za-z0-9+/_=-]{30,120}(?![\w+/=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `AUTHRESS_SERVICE_CLIENT_ACCESS_KEY=sc_${fake.lower(22)}.${fake.lower(4)}.acc_${fake.lower(20)}.${fake.alnum(60)}`,
        `const authressClient = new AuthressClient({ authressApiUrl }, 'sc_${fake.lower(18)}.${fake.lower(5)}.acc-${fake.lower(16)}.${fake.alnum(72)}');`,
      ],
      negative: [
        "const authressClient = new AuthressClient({ authressApiUrl }, process.env.AUTHRESS_KEY);",
        `AUTHRESS_SERVICE_CLIENT_ACCESS_KEY=sc_${fake.lower(22)}.${fake.lower(4)}.acc_${fake.lower(20)}.short`,
      ],
    },
  },
];
