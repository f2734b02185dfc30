import type { Rule } from '../../types.js';
import { B64URL, fake, plausible } from './kit-m-z.js';

export const OPENSHIFT_RULES: readonly Rule[] = [
  {
    id: 'openshift-user-token',
    description: 'OpenShift OAuth user token (sha256~…)',
    keywords: ['sha256~'],
    pattern: /\bsha256~[A-Za-z0-9_-]{43}(?![\w-])/,
    entropy: 4,
    validate: plausible,
    examples: {
      positive: [
        `oc login --token=sha256~${fake(B64URL, 43, 'openshift-1')} --server=https://api.cluster.example.com:6443`,
        `curl -H "Authorization: Bearer sha256~${fake(B64URL, 43, 'openshift-2')}" https://api.cluster.example.com:6443/apis/user.openshift.io/v1/users/~`,
      ],
      negative: [
        'oc login --token=sha256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX --server=https://api.cluster.example.com:6443',
        'oc login --token="$(cat /var/run/secrets/token)" --server=https://api.cluster.example.com:6443',
        `oc login --token=sha256~${fake(B64URL, 30, 'openshift-3')}`,
      ],
    },
  },
];
