import type { Rule } from '../../types.js';
import { HEX, fake, plausible } from './kit-m-z.js';

const credentials = (seed: string): string => `${fake(HEX, 8, `${seed}-user`)}:${fake(HEX, 8, `${seed}-password`)}`;

export const SIDEKIQ_RULES: readonly Rule[] = [
  {
    id: 'sidekiq-secret',
    description: 'Sidekiq Pro/Enterprise gem-server credentials (user:password) in Bundler config',
    keywords: ['contribsys'],
    pattern:
      /(?:\bBUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?\s{0,3}[=:]\s{0,3}["']?|\bbundle\s{1,3}config(?:\s{1,3}(?:set\s{1,3})?--[\w-]{1,20}){0,2}\s{1,3}(?:gems|enterprise)\.contribsys\.com\s{1,3}["']?)(?<secret>[0-9a-f]{8}:[0-9a-f]{8})(?![\w:-])/i,
    entropy: 2.5,
    validate: plausible,
    examples: {
      positive: [
        `export BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${credentials('sidekiq-1')}`,
        `bundle config --local gems.contribsys.com ${credentials('sidekiq-2')}`,
      ],
      negative: [
        'export BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${{ secrets.SIDEKIQ_CREDENTIALS }}',
        'bundle config --local gems.contribsys.com username:password',
        'BUNDLE_GEMS__CONTRIBSYS__COM: "cafebabe:deadbeef"',
      ],
    },
  },
  {
    id: 'sidekiq-sensitive-url',
    description: 'Sidekiq Pro/Enterprise gem-server URL with credentials (https://user:password@gems.contribsys.com)',
    keywords: ['contribsys.com'],
    pattern: /\bhttps?:\/\/(?<secret>[0-9a-f]{8}:[0-9a-f]{8})@(?:gems|enterprise)\.contribsys\.com(?![\w.-])/i,
    entropy: 2.5,
    validate: plausible,
    examples: {
      positive: [
        `source "https://${credentials('sidekiq-3')}@gems.contribsys.com/" do`,
        `  gem_source: https://${credentials('sidekiq-4')}@enterprise.contribsys.com`,
      ],
      negative: [
        'source "https://gems.contribsys.com/" do',
        'source "https://#{ENV["SIDEKIQ_CREDS"]}@enterprise.contribsys.com/" do',
        'source "https://cafebabe:deadbeef@gems.contribsys.com/" do',
      ],
    },
  },
];
