import type { Rule } from '../../types.js';
import { fake, plausible } from './kit-m-z.js';

const BODY = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const NUGET_RULES: readonly Rule[] = [
  {
    id: 'nuget-api-key',
    description: 'NuGet.org API key (oy2…)',
    keywords: ['oy2'],
    pattern: /\boy2[a-z0-9]{43}(?![\w-])/,
    entropy: 3.7,
    validate: plausible,
    examples: {
      positive: [
        `dotnet nuget push bin/Release/*.nupkg --api-key oy2${fake(BODY, 43, 'nuget-1')} --source https://api.nuget.org/v3/index.json`,
        `NUGET_API_KEY=oy2${fake(BODY, 43, 'nuget-2')}`,
      ],
      negative: [
        'dotnet nuget push bin/Release/*.nupkg --api-key ${{ secrets.NUGET_API_KEY }} --source https://api.nuget.org/v3/index.json',
        'NUGET_API_KEY=oy2xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        `NUGET_API_KEY=oy2${fake(BODY, 30, 'nuget-3')}`,
      ],
    },
  },
];
