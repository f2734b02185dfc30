import type { Rule } from '../../types.js';
import { ALNUM, fake, plausible } from './kit-m-z.js';

/** One rule per token kind, with gitleaks' ids: `sm_pat_` personal, `sm_aat_` application, `sm_sat_` service. */
function settlemint(kind: 'pat' | 'aat' | 'sat', id: string, name: string, variable: string): Rule {
  return {
    id,
    description: `SettleMint ${name} access token (sm_${kind}_…)`,
    keywords: [`sm_${kind}_`],
    pattern: new RegExp(`\\bsm_${kind}_[A-Za-z0-9]{16}(?![\\w-])`),
    entropy: 3.2,
    validate: plausible,
    examples: {
      positive: [
        `${variable}=sm_${kind}_${fake(ALNUM, 16, `${id}-1`)}`,
        `  headers: { 'x-auth-token': 'sm_${kind}_${fake(ALNUM, 16, `${id}-2`)}' },`,
      ],
      negative: [
        `${variable}=sm_${kind}_xxxxxxxxxxxxxxxx`,
        `  headers: { 'x-auth-token': process.env.${variable} },`,
        `${variable}=sm_${kind}_${fake(ALNUM, 10, `${id}-3`)}`,
      ],
    },
  };
}

export const SETTLEMINT_RULES: readonly Rule[] = [
  settlemint('pat', 'settlemint-personal-access-token', 'personal', 'SETTLEMINT_ACCESS_TOKEN'),
  settlemint('aat', 'settlemint-application-access-token', 'application', 'SETTLEMINT_APPLICATION_ACCESS_TOKEN'),
  settlemint('sat', 'settlemint-service-access-token', 'service', 'SETTLEMINT_SERVICE_TOKEN'),
];
