import type { Rule } from '../../types.js';
import { HEX, assigned, fake, plausible } from './kit-m-z.js';

export const SONAR_RULES: readonly Rule[] = [
  {
    id: 'sonar-api-token',
    description: 'SonarQube / SonarQube Cloud user, project or global analysis token (squ_…, sqp_…, sqa_…)',
    keywords: ['squ_', 'sqp_', 'sqa_'],
    pattern: /\bsq[upa]_[0-9a-f]{40}(?![\w-])/,
    entropy: 3.3,
    validate: plausible,
    examples: {
      positive: [
        `SONAR_TOKEN=squ_${fake(HEX, 40, 'sonar-1')}`,
        `mvn sonar:sonar -Dsonar.host.url=https://sonar.example.com -Dsonar.token=sqp_${fake(HEX, 40, 'sonar-2')}`,
      ],
      negative: [
        '  SONAR_TOKEN: ${{ secrets.SONAR_TOKEN }}',
        'SONAR_TOKEN=squ_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `SONAR_TOKEN=sqx_${fake(HEX, 40, 'sonar-3')}`,
      ],
    },
  },
  {
    id: 'sonar-legacy-token',
    description: 'Older SonarQube token (40 hex, no prefix) given to sonar.login, sonar.token or SONAR_TOKEN',
    keywords: ['sonar'],
    pattern: assigned('sonar', '[0-9a-f]{40}', { kind: 'token|login' }),
    entropy: 3.1,
    validate: plausible,
    examples: {
      positive: [
        `dotnet sonarscanner begin /k:"shop" /d:sonar.login=${fake(HEX, 40, 'sonar-4')}`,
        `SONAR_TOKEN=${fake(HEX, 40, 'sonar-5')}`,
      ],
      negative: [
        `sonarqube-scanner/-/sonarqube-scanner-2.5.0.tgz#${fake(HEX, 40, 'sonar-6')}`,
        'dotnet sonarscanner begin /k:"shop" /d:sonar.login=$(SONAR_LOGIN)',
        `SONAR_PROJECT_VERSION=${fake(HEX, 40, 'sonar-7')}`,
      ],
    },
  },
];
