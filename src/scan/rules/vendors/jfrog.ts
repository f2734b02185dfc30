import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// JFrog Artifactory API keys (AKCp…, 73 characters, deprecated) and reference tokens (base64 of
// "reftkn:01:…", 64 characters) (jfrog.com/help, "Access Tokens" and "API Key").

const fake = fakes('jfrog');

export const JFROG_RULES: readonly Rule[] = [
  {
    id: 'jfrog-api-key',
    description: 'JFrog Artifactory API key (AKCp…)',
    keywords: ['akcp'],
    pattern: /\bAKCp[A-Za-z0-9]{69}\b/,
    entropy: 4.5,
    examples: {
      positive: [
        `ARTIFACTORY_API_KEY=AKCp${fake.alnum(69)}`,
        `curl -H "X-JFrog-Art-Api: AKCp${fake.alnum(69)}" https://acme.jfrog.io/artifactory/api/repositories`,
      ],
      negative: [
        'curl -H "X-JFrog-Art-Api: $ARTIFACTORY_API_KEY" https://acme.jfrog.io/artifactory/api/repositories',
        `ARTIFACTORY_API_KEY=AKCp${fake.alnum(40)}`,
      ],
    },
  },
  {
    id: 'jfrog-reference-token',
    description: 'JFrog Platform reference token (cmVmdGtu…)',
    keywords: ['cmvmdgtu'],
    pattern: /\bcmVmdGtu[A-Za-z0-9]{56}\b/,
    entropy: 4.5,
    examples: {
      positive: [
        `JF_ACCESS_TOKEN=cmVmdGtuOjAxOj${fake.alnum(50)}`,
        `  //acme.jfrog.io/artifactory/api/npm/npm-virtual/:_authToken=cmVmdGtuOjAxOj${fake.alnum(50)}`,
      ],
      negative: [
        'JF_ACCESS_TOKEN=${{ secrets.JF_ACCESS_TOKEN }}',
        `JF_ACCESS_TOKEN=cmVmdGtuOjAxOj${fake.alnum(20)}`,
      ],
    },
  },
];
