import type { Rule } from '../../types.js';
import { ASSIGN, shape } from './kit.js';

// Personal access tokens: 84 characters with the AZDO signature at 76–80 since 2024, 52 base32
// characters before (learn.microsoft.com/purview/sit-defn-azure-devops-personal-access-token). The
// older shape is plain, so it is found only by its name or in the userinfo of an Azure DevOps URL.

const PAT = 'cl95sMZZmZ4dXWMwZaGBP2f6pPSfOYpzEhICEkfo53cAFY6XycTva03ZlwPqgLjOYpqC5CM4RCKlAZDOl9Ee';
const LEGACY = 'gezgd44mwhymmranckydgult6xx3iqzlpolk5lzr76vpfruvt25k';
/** The same format as Azure's other "common annotated" keys (JQQJ99 …), with the AZDO service tag. */
const ANNOTATED_PAT = 'HVDiR6HraTkhJRm2aIFuW7LK66gwwzT7L38VJYzuMeZvuE1LgV8xJQQJ99BCRIbrNKN1TFtfAAAAAZDOn8Ek';

const LEGACY_SHAPE = /^(?=[a-z]*[2-7])[a-z2-7]{52}$/;

export const AZURE_DEVOPS_RULES: readonly Rule[] = [
  {
    id: 'azure-devops-pat',
    provider: 'azure-devops',
    description: 'Azure DevOps personal access token (84 characters with the AZDO signature)',
    keywords: ['azdo'],
    pattern: /(?<![A-Za-z0-9+/_-])(?<secret>[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9+/=_-])/,
    entropy: 4,
    examples: {
      positive: [
        `AZURE_DEVOPS_EXT_PAT=${PAT}`,
        `git clone https://build:${PAT}@dev.azure.com/fabrikam/app/_git/app`,
        // azure-annotated-key leaves this service tag to this rule
        `AZURE_DEVOPS_PAT=${ANNOTATED_PAT}`,
      ],
      negative: [`AZURE_DEVOPS_EXT_PAT=${'A'.repeat(76)}AZDO${'A'.repeat(4)}`, `blob: "${PAT}${PAT}"`, 'AZURE_DEVOPS_EXT_PAT: $(System.AccessToken)'],
    },
  },
  {
    id: 'azure-devops-pat-legacy',
    provider: 'azure-devops',
    description: 'Azure DevOps personal access token of the older 52-character shape, by its name',
    keywords: ['azure', 'azdo', 'ado', 'vsts'],
    pattern: new RegExp(
      String.raw`(?:azure[_.-]?devops|(?<![a-z0-9])(?:azdo|ado|vsts))[\w.-]{0,30}?(?:pat|token)${ASSIGN}(?<secret>[a-z2-7]{52})(?![a-z0-9_-])`,
      'i',
    ),
    entropy: 4,
    validate: shape(LEGACY_SHAPE),
    examples: {
      positive: [`export AZURE_DEVOPS_EXT_PAT=${LEGACY}`, `AZDO_PERSONAL_ACCESS_TOKEN: "${LEGACY}"`, `  "adoToken": "${LEGACY}",`],
      negative: [
        `AZURE_DEVOPS_EXT_PAT=${LEGACY.toUpperCase()}`,
        `tornado_token = "${LEGACY}"`,
        `AZURE_DEVOPS_EXT_PAT=${'abcdefghijklmnopqrstuvwxyz'.repeat(2)}`,
        `AZURE_DEVOPS_COMMIT=${LEGACY}`,
      ],
    },
  },
  {
    id: 'azure-devops-pat-legacy-url',
    provider: 'azure-devops',
    description: 'Azure DevOps personal access token of the older shape in the userinfo of a dev.azure.com or visualstudio.com URL',
    keywords: ['dev.azure.com', 'visualstudio.com'],
    pattern: /https?:\/\/(?:[^\s:@/]{1,64}:)?(?<secret>[a-z2-7]{52})@(?:dev\.azure\.com|[a-z0-9-]{1,50}\.visualstudio\.com)\b/,
    entropy: 4,
    validate: shape(LEGACY_SHAPE),
    examples: {
      positive: [`git clone https://${LEGACY}@dev.azure.com/fabrikam/app/_git/app`, `url = https://build:${LEGACY}@fabrikam.visualstudio.com/DefaultCollection/_git/app`],
      negative: [
        'git clone https://dev.azure.com/fabrikam/app/_git/app',
        'git clone https://build:$(System.AccessToken)@dev.azure.com/fabrikam/app/_git/app',
        `git clone https://${'abcdefghijklmnopqrstuvwxyz'.repeat(2)}@dev.azure.com/fabrikam/app/_git/app`,
      ],
    },
  },
];
