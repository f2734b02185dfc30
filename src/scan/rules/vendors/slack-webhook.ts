import type { Rule } from '../../types.js';
import { ALNUM, DIGITS, HEX, UPPER, fake, plausible } from './kit-m-z.js';

const services = (seed: string): string =>
  `https://hooks.slack.com/services/T${fake(UPPER, 8, `${seed}-t`)}/B${fake(UPPER, 10, `${seed}-b`)}/${fake(ALNUM, 24, `${seed}-s`)}`;

// Not the `slack` provider's tokens (xoxb-, xoxp-…): a webhook URL is its own credential, which
// token-preflight has no provider to verify, so `provider` stays unset. The id is gitleaks' own, so
// `.gitleaksignore` entries carry over; no provider rule uses it.
export const SLACK_WEBHOOK_RULES: readonly Rule[] = [
  {
    id: 'slack-webhook-url',
    description: 'Slack incoming-webhook, workflow or trigger URL (hooks.slack.com/services/T…/B…/…)',
    keywords: ['hooks.slack.com'],
    pattern:
      /(?:https?:\/\/)?hooks\.slack\.com\/(?:services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}|workflows\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/[0-9]{15,20}\/[A-Za-z0-9]{32}|triggers\/T[A-Z0-9]{8,12}\/[0-9]{10,20}\/[0-9a-f]{32})(?![A-Za-z0-9])/,
    validate: plausible,
    examples: {
      positive: [
        `SLACK_WEBHOOK_URL=${services('slack-1')}`,
        `    webhook_url: "https://hooks.slack.com/triggers/T${fake(UPPER, 9, 'slack-2')}/${fake(DIGITS, 13, 'slack-3')}/${fake(HEX, 32, 'slack-4')}"`,
      ],
      negative: [
        'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        '    webhook_url: ${{ secrets.SLACK_WEBHOOK_URL }}',
        `SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T${fake(UPPER, 8, 'slack-5')}/B${fake(UPPER, 10, 'slack-6')}/`,
      ],
    },
  },
];
