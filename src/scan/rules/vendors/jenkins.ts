import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Jenkins API tokens (since 2.129): "11" + 32 hex (jenkins.io/doc/book/system-administration/
// authenticating-scripted-clients); found in a Jenkins token, password or key setting.

const fake = fakes('jenkins');

export const JENKINS_RULES: readonly Rule[] = [
  {
    id: 'jenkins-api-token',
    description: 'Jenkins API token (11 + 32 hex, in a Jenkins setting)',
    keywords: ['jenkins'],
    pattern:
      /jenkins[\w.-]{0,20}?(?:token|pass(?:word|wd)?|api[_-]?key)[\w.-]{0,8}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?<secret>11[a-f0-9]{32})(?![\w-])/i,
    entropy: 3,
    examples: {
      positive: [
        `export JENKINS_API_TOKEN=11${fake.hex(32)}`,
        `jenkins_passwd = '11${fake.hex(32)}'`,
      ],
      negative: [
        'export JENKINS_API_TOKEN=${JENKINS_API_TOKEN}',
        "jenkins_url = 'https://ci.example.com'",
        `export JENKINS_API_TOKEN=${fake.hex(34)}z`,
      ],
    },
  },
];
