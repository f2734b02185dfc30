import type { Rule } from '../../types.js';
import { ASSIGN } from './kit.js';

// An account SID (AC + 32 hex) is what a scanner can recognize; its auth token (32 hex) is the
// secret, found beside it (`Client("AC…", "token")`, `AC…:token`, `SID=AC… AUTH_TOKEN=…`) or by its
// name. One finding per pair: the SID with the token as a part, or the token with the SID.

const SID = 'AC150c063bd123d487c51d7f61ffff9f83';
const AUTH_TOKEN = '703788d9869740c7b560f7180ee28e5d';
const API_KEY_SID = 'SK34efc2d016c3696db89c6c9d7b04df84';

const SID_SHAPE = String.raw`(?<![A-Za-z0-9])AC[0-9a-f]{32}(?![A-Za-z0-9])`;
const TOKEN_NAME = String.raw`(?:[Aa]uth|AUTH)[_.-]?(?:[Tt]oken|TOKEN)`;
const TOKEN_AFTER_SID = String.raw`(?:["']?\s{0,3}[:,]\s{0,3}["']?|[^\n]{1,100}?${TOKEN_NAME}${ASSIGN})`;
const TWILIO_TOKEN_NAME = String.raw`(?:[Tt]wilio|TWILIO)[\w.-]{0,20}?${TOKEN_NAME}`;

export const TWILIO_RULES: readonly Rule[] = [
  {
    id: 'twilio-account-sid',
    provider: 'twilio',
    description: 'Twilio account SID (AC…), with the auth token when the same line holds it',
    keywords: ['ac'],
    pattern: new RegExp(
      String.raw`(?<secret>${SID_SHAPE})` +
        // not when an auth token named before it already captured it
        String.raw`(?<!${TWILIO_TOKEN_NAME}${ASSIGN}[0-9a-f]{32}(?![A-Za-z0-9])[^\n]{1,100}?${SID_SHAPE})` +
        String.raw`(?:${TOKEN_AFTER_SID}(?<authtoken>[0-9a-f]{32})(?![A-Za-z0-9]))?`,
    ),
    entropy: 3,
    parts: { 'account-sid': 'secret', 'auth-token': 'authtoken' },
    examples: {
      positive: [
        `client = Client("${SID}", "${AUTH_TOKEN}")`,
        `TWILIO_ACCOUNT_SID=${SID} TWILIO_AUTH_TOKEN=${AUTH_TOKEN} node send.js`,
        `curl -u ${SID}:${AUTH_TOKEN} https://api.twilio.com/2010-04-01/Accounts.json`,
        `TWILIO_ACCOUNT_SID=${SID}`,
      ],
      negative: [
        'TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'TWILIO_ACCOUNT_SID=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        `TRACE=${SID.toUpperCase()}`,
        `id = "${SID}0"`,
      ],
    },
  },
  {
    id: 'twilio-auth-token',
    provider: 'twilio',
    description: 'Twilio auth token (32 hex) by its name, with the account SID when the same line holds it after',
    keywords: ['twilio'],
    pattern: new RegExp(
      String.raw`${TWILIO_TOKEN_NAME}${ASSIGN}` +
        // not when the account SID before it already captured it
        String.raw`(?<!${SID_SHAPE}${TOKEN_AFTER_SID})` +
        String.raw`(?<secret>[0-9a-f]{32})(?![A-Za-z0-9])(?:[^\n]{1,100}?(?<sid>${SID_SHAPE}))?`,
    ),
    entropy: 3,
    parts: { 'account-sid': 'sid' },
    examples: {
      positive: [`export TWILIO_AUTH_TOKEN=${AUTH_TOKEN}`, `TWILIO_AUTH_TOKEN=${AUTH_TOKEN} TWILIO_ACCOUNT_SID=${SID}`, `  twilioAuthToken: "${AUTH_TOKEN}",`],
      negative: ['TWILIO_AUTH_TOKEN=your_auth_token', `TWILIO_AUTH_TOKEN=${'0'.repeat(32)}`, 'TWILIO_AUTH_TOKEN: ${{ secrets.TWILIO_AUTH_TOKEN }}', `TWILIO_AUTH_TOKEN=${AUTH_TOKEN}abc`],
    },
  },
  {
    id: 'twilio-api-key',
    provider: 'twilio',
    description: 'Twilio API key SID (SK…)',
    keywords: ['sk'],
    pattern: /(?<![A-Za-z0-9])(?<secret>SK[0-9a-fA-F]{32})(?![A-Za-z0-9])/,
    entropy: 3,
    examples: {
      positive: [`TWILIO_API_KEY=${API_KEY_SID}`, `client = Client("${API_KEY_SID}", api_secret, account_sid)`],
      negative: ['TWILIO_API_KEY=SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', `TWILIO_API_KEY=SK${'0'.repeat(32)}`, `ref = "MASK${API_KEY_SID.slice(2)}"`],
    },
  },
];
