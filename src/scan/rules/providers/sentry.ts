import { orgTokenPayload } from '../../../providers/sentry.js';
import type { Rule } from '../../types.js';
import { ASSIGN, END, START, shape } from './kit.js';

// Auth tokens: sntryu_ (user), sntrya_ / sntryi_ (application, integration), sntrys_ (organization:
// sntrys_<base64 JSON naming the issuer>_<secret>, whose JSON must decode). Older tokens are 64 hex,
// found only by their name.

const USER = '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';
const APP = 'sntrya_e9fcef1c70dca5623ec93a45fdb7bc217820b7664a842419ad3d11b40149354b';
const INTEGRATION = 'sntryi_5e75d4a64b20912776ceaa1745e772356483985966c3d7a752d6649bc21772a0';
const ORG =
  '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';
const LEGACY = '56430647d16b0d5fa335d508f3b0574ad377afdcbd029c4de3077101403aa8b8';

export const SENTRY_RULES: readonly Rule[] = [
  {
    id: 'sentry-user-token',
    provider: 'sentry',
    description: 'Sentry user auth token (sntryu_…)',
    keywords: ['sntryu_'],
    pattern: new RegExp(String.raw`${START}(?<secret>sntryu_[a-f0-9]{64})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`export SENTRY_AUTH_TOKEN=${USER}`, `[auth] token=${USER}`],
      negative: [`SENTRY_AUTH_TOKEN=sntryu_${'a'.repeat(64)}`, `SENTRY_AUTH_TOKEN=${USER.slice(0, 60)}`, 'SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}'],
    },
  },
  {
    id: 'sentry-app-token',
    provider: 'sentry',
    description: 'Sentry application or integration token (sntrya_…, sntryi_…)',
    keywords: ['sntrya_', 'sntryi_'],
    pattern: new RegExp(String.raw`${START}(?<secret>sntry[ai]_[a-f0-9]{64})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`SENTRY_TOKEN=${APP}`, `curl https://sentry.io/api/0/organizations/acme/ -H "Authorization: Bearer ${INTEGRATION}"`],
      negative: [`SENTRY_TOKEN=sntrya_${'0'.repeat(64)}`, `SENTRY_TOKEN=${INTEGRATION}f`],
    },
  },
  {
    id: 'sentry-org-token',
    provider: 'sentry',
    description: 'Sentry organization auth token (sntrys_…), whose embedded JSON must decode',
    keywords: ['sntrys_ey'],
    pattern: /(?<![\w-])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,1000}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=_-])/,
    entropy: 4,
    validate: (secret) => orgTokenPayload(secret) !== undefined,
    examples: {
      positive: [`SENTRY_AUTH_TOKEN=${ORG}`, `sentry-cli --auth-token ${ORG} releases new 1.2.3`],
      negative: [
        // the embedded JSON does not decode
        `SENTRY_AUTH_TOKEN=sntrys_eyJ${'abcdEFGH1234'.repeat(8)}_${ORG.slice(-43)}`,
        `SENTRY_AUTH_TOKEN=${ORG.slice(0, -2)}`,
        'SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE',
      ],
    },
  },
  {
    id: 'sentry-auth-token-legacy',
    provider: 'sentry',
    description: 'Sentry auth token of the older 64-hex shape, by its name',
    keywords: ['sentry'],
    pattern: new RegExp(String.raw`sentry[\w.-]{0,20}?(?:auth[_.-]?)?token${ASSIGN}(?<secret>[0-9a-f]{64})(?![a-z0-9_-])`, 'i'),
    entropy: 3,
    validate: shape(/^[0-9a-f]{64}$/),
    examples: {
      positive: [`export SENTRY_AUTH_TOKEN=${LEGACY}`, `  sentryAuthToken: "${LEGACY}",`],
      negative: [
        `SENTRY_AUTH_TOKEN=${LEGACY.toUpperCase()}`,
        'SENTRY_RELEASE_SHA=b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
        `SENTRY_AUTH_TOKEN=${'0'.repeat(64)}`,
        'SENTRY_DSN=https://5d41402abc4b2a76b9719d911017c592@o1.ingest.sentry.io/1',
      ],
    },
  },
];
