import { routableChecksumHolds } from '../../../providers/gitlab.js';
import type { Rule } from '../../types.js';
import { START } from './kit.js';

// Prefixes: docs.gitlab.com/security/tokens/ ("Token prefixes"). Routable tokens end with a CRC-32
// of everything before it (lib/authn/token_field/generator/routable_token.rb; src/providers/gitlab.ts).

const LEGACY = 'glpat-h-c9UsKvAOxVP0hPv_AT';
const ROUTABLE = 'glpat-1PUmAxzvrqTPMX2r8QCXzb-Caeq.01.0r1sr0sp2';
const ROUTABLE_2 = 'glpat-kxkkW-yqrwvb16AX_FCNgVGzsRr.01.0r1hayasy';
const JOB = 'glcbt-64_tvEB_M1N6dzT8XO1rgbW';
const JOB_JWT =
  'glcbt-eyJhbGciOiJSUzI1NiIsImtpZCI6IkxjQWYwSnRlIn0.eyJzdWIiOiJqb2JfMTIzIiwibyI6IjEiLCJ1IjoiNDIifQ.R2KFmaqBapfxq0NrtR975FHyHHNXR9zATtOAHO8dULw6gLmXFIdlTnNUKaOo5b8aRrEmLPBO_7P8pjI26rpyVO';

/** Not followed by more of a token, nor by a dot that would make it the start of a routable one. */
const END = String.raw`(?![\w.-])`;

export const GITLAB_RULES: readonly Rule[] = [
  {
    id: 'gitlab-pat',
    provider: 'gitlab',
    description: 'GitLab personal, project or group access token (glpat-…, 20 characters)',
    keywords: ['glpat-'],
    pattern: new RegExp(String.raw`${START}(?<secret>glpat-[0-9A-Za-z_-]{20})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`export GITLAB_TOKEN=${LEGACY}`, `git clone https://oauth2:${LEGACY}@gitlab.com/acme/app.git`],
      negative: ['GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx', 'GITLAB_TOKEN: $CI_JOB_TOKEN', `GITLAB_TOKEN=${LEGACY}x`],
    },
  },
  {
    id: 'gitlab-pat-routable',
    provider: 'gitlab',
    description: 'GitLab personal, project or group access token, routable form (glpat-….01.…), checksum verified',
    keywords: ['glpat-'],
    pattern: new RegExp(String.raw`${START}(?<secret>glpat-[0-9A-Za-z_-]{27,300}\.(?:[0-9a-z]{2}\.)?[0-9a-z]{9})${END}`),
    validate: routableChecksumHolds,
    examples: {
      positive: [`PRIVATE-TOKEN: ${ROUTABLE}`, `  gitlab_token = "${ROUTABLE_2}"`],
      negative: [
        // the checksum does not hold
        `PRIVATE-TOKEN: ${ROUTABLE.slice(0, -1)}3`,
        `PRIVATE-TOKEN: ${ROUTABLE.slice(0, -10)}`,
        'PRIVATE-TOKEN: glpat-<your token>',
      ],
    },
  },
  {
    id: 'gitlab-ci-job-token',
    provider: 'gitlab',
    description: 'GitLab CI/CD job token (glcbt-…)',
    keywords: ['glcbt-'],
    pattern: new RegExp(String.raw`${START}(?<secret>glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`JOB-TOKEN: ${JOB}`, `curl --header "JOB-TOKEN: ${JOB}" "https://gitlab.com/api/v4/job"`],
      negative: ['JOB-TOKEN: $CI_JOB_TOKEN', `JOB-TOKEN: glcbt-64_${'x'.repeat(20)}`, `JOB-TOKEN: ${JOB}xyz`],
    },
  },
  {
    id: 'gitlab-ci-job-token-jwt',
    provider: 'gitlab',
    description: 'GitLab CI/CD job token in its JWT form (glcbt-eyJ…)',
    keywords: ['glcbt-eyj'],
    pattern: new RegExp(String.raw`${START}(?<secret>glcbt-eyJ[\w-]{10,2000}\.eyJ[\w-]{10,4000}\.[\w-]{10,2000})${END}`),
    entropy: 4,
    examples: {
      positive: [`CI_JOB_TOKEN=${JOB_JWT}`, `  "token": "${JOB_JWT}"`],
      negative: ['CI_JOB_TOKEN=glcbt-eyJxxxxxxxxxxxx.eyJxxxxxxxxxxxx.xxxxxxxxxxxx', `CI_JOB_TOKEN=${JOB_JWT.split('.').slice(0, 2).join('.')}`],
    },
  },
];
