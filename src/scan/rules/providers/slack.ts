import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

// Token types: api.slack.com/authentication/token-types (bot xoxb-, user xoxp-, rotating
// xoxe.xoxb- / xoxe.xoxp- with their xoxe- refresh tokens, app-level xapp-).

const BOT = 'xoxb-344697428868-7024058263529-FRVyvFKXNuQqBpJ8ftW8GSNn';
const USER = 'xoxp-656280394259-726496686092-2631493828973-3c0718f4f2dda0b023a81fe8062fa03f';
const ROTATING =
  'xoxe.xoxp-1-TDxAZlhGjja78YNc1B4IAsMVYumsLq3FKJR0WYRJPeLsysf82F7uqx3kXKvLXElbsW7Buj7VS04LCgAKBejW45y0X88uNCzuykVs7Sw1uNrjFUW8WEjehGwpHzf9kilbCNPUiICg23HDOGx1VbYg6a41kxiEMVuzT57j';
const REFRESH =
  'xoxe-1-9lR2TA4by1KjPDhSvFlr4cRCDbiVXW3AQR8YLDu3hn54Z1TDqVlquwJmenfCVd66aggRgpHSMhNz6TF5OQZv5ZfrWTwJn3rG7tTLRdPstkGl1n7YCkwn5qOUVyN40dMMVRmHabCFZIBZZxxZTc';
const APP = 'xapp-1-A0R16PIYWLH-8229607184626-78579684f09881b2669ac1f9dca00e2c8c5b1a3a6931fa07ffe80e3865a0664b';

export const SLACK_RULES: readonly Rule[] = [
  {
    id: 'slack-bot-token',
    provider: 'slack',
    description: 'Slack bot token (xoxb-…)',
    keywords: ['xoxb-'],
    pattern: new RegExp(String.raw`${START}(?<secret>xoxb-\d{8,14}-(?:\d{8,14}-)?[A-Za-z0-9]{18,34})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`SLACK_BOT_TOKEN=${BOT}`, `app = App(token="${BOT}", signing_secret=os.environ["SLACK_SIGNING_SECRET"])`],
      negative: [
        'SLACK_BOT_TOKEN=xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX',
        `SLACK_BOT_TOKEN=xoxb-17653672481-19874698323-${'x'.repeat(24)}`,
        'SLACK_BOT_TOKEN: ${{ secrets.SLACK_BOT_TOKEN }}',
      ],
    },
  },
  {
    id: 'slack-user-token',
    provider: 'slack',
    description: 'Slack user token (xoxp-…)',
    keywords: ['xoxp-'],
    pattern: new RegExp(String.raw`${START}(?<secret>xoxp-\d{8,14}-\d{8,14}-\d{8,14}-[A-Za-z0-9]{28,34})${END}`),
    entropy: 3.5,
    examples: {
      positive: [`SLACK_USER_TOKEN=${USER}`, `  "user_token": "${USER}",`],
      negative: ['"token": "xoxp-1234567890"', '"token": "xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"', '"token": "xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"'],
    },
  },
  {
    id: 'slack-rotating-token',
    provider: 'slack',
    description: 'Slack rotating access token (xoxe.xoxb-…, xoxe.xoxp-…)',
    keywords: ['xoxe.xox'],
    pattern: new RegExp(String.raw`${START}(?<secret>xoxe\.xox[bp]-\d-[A-Za-z0-9]{163,166})${END}`),
    entropy: 4,
    examples: {
      positive: [`SLACK_TOKEN=${ROTATING}`, `  "access_token": "${ROTATING}",`],
      negative: [`SLACK_TOKEN=xoxe.xoxp-1-${'x'.repeat(164)}`, `SLACK_TOKEN=${ROTATING.slice(0, 100)}`],
    },
  },
  {
    id: 'slack-refresh-token',
    provider: 'slack',
    description: 'Slack refresh token of a rotating token (xoxe-…)',
    keywords: ['xoxe-'],
    pattern: new RegExp(String.raw`${START}(?<secret>xoxe-\d-[A-Za-z0-9]{146})${END}`),
    entropy: 4,
    examples: {
      positive: [`SLACK_REFRESH_TOKEN=${REFRESH}`, `  "refresh_token": "${REFRESH}",`],
      negative: [`SLACK_REFRESH_TOKEN=xoxe-1-${'A'.repeat(146)}`, `SLACK_REFRESH_TOKEN=${REFRESH.slice(0, 80)}`],
    },
  },
  {
    id: 'slack-app-token',
    provider: 'slack',
    description: 'Slack app-level token (xapp-…)',
    keywords: ['xapp-'],
    pattern: new RegExp(String.raw`${START}(?<secret>xapp-\d-[A-Za-z0-9]{1,20}-\d{1,20}-[A-Za-z0-9]{1,100})${END}`),
    entropy: 4,
    examples: {
      positive: [`SLACK_APP_TOKEN=${APP}`, `handler = SocketModeHandler(app, "${APP}")`],
      negative: ['SLACK_APP_TOKEN=xapp-1-XXXXXXXXXXX-0000000000000-xxxxxxxxxxxxxxxxxxxx', 'SLACK_APP_TOKEN=xapp-...', 'handler = SocketModeHandler(app, os.environ["SLACK_APP_TOKEN"])'],
    },
  },
];
