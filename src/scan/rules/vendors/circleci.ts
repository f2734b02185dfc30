import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// CircleCI personal (CCIPAT_) and project (CCIPRJ_) API tokens: prefix + 22 characters + "_" + 40 hex
// (circleci.com/docs/managing-api-tokens). Project tokens also appear in status-badge URLs.

const fake = fakes('circleci');

export const CIRCLECI_RULES: readonly Rule[] = [
  {
    id: 'circleci-personal-token',
    description: 'CircleCI personal API token (CCIPAT_…)',
    keywords: ['ccipat_'],
    pattern: /\bCCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `export CIRCLECI_TOKEN=CCIPAT_${fake.alnum(22)}_${fake.hex(40)}`,
        `curl -H "Circle-Token: CCIPAT_${fake.alnum(22)}_${fake.hex(40)}" https://circleci.com/api/v2/me`,
      ],
      negative: [
        'curl -H "Circle-Token: $CIRCLECI_TOKEN" https://circleci.com/api/v2/me',
        `export CIRCLECI_TOKEN=CCIPAT_${fake.alnum(22)}`,
      ],
    },
  },
  {
    id: 'circleci-project-token',
    description: 'CircleCI project API token (CCIPRJ_…)',
    keywords: ['cciprj_'],
    pattern: /\bCCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40}\b/,
    entropy: 3.5,
    examples: {
      positive: [
        `[![CircleCI](https://dl.circleci.com/status-badge/img/gh/acme/api/tree/main.svg?style=svg&circle-token=CCIPRJ_${fake.alnum(22)}_${fake.hex(40)})](https://dl.circleci.com/status-badge/redirect/gh/acme/api/tree/main)`,
        `CIRCLE_PROJECT_TOKEN=CCIPRJ_${fake.alnum(22)}_${fake.hex(40)}`,
      ],
      negative: [
        `CIRCLE_PROJECT_TOKEN=CCIPRJ_${fake.alnum(22)}_${fake.hex(12)}`,
        'CIRCLE_PROJECT_TOKEN=${CIRCLE_PROJECT_TOKEN}',
      ],
    },
  },
];
