import type { Rule } from '../../types.js';
import { ASSIGN } from './kit.js';

// An account SID (AC + 32 hex) is what a scanner can recognize; its auth token (32 hex) is the
// secret, found beside it (`require('twilio')('AC…', 'token')`, `AC…:token`, `SID=AC… AUTH_TOKEN=…`) or by its
// name. One finding per pair: the SID with the token as a part, or the token with the SID.
// `AC` and `SK` are in most lines of code, so a SID counts after Twilio's name or its own
// (`TWILIO_ACCOUNT_SID=`, `accountSid = '`, `require('twilio')('`, `https://api.twilio.com/…`) on its line.

const SID = 'AC150c063bd123d487c51d7f61ffff9f83';
const AUTH_TOKEN = '703788d9869740c7b560f7180ee28e5d';
const API_KEY_SID = 'SK34efc2d016c3696db89c6c9d7b04df84';

const SID_SHAPE = String.raw`(?<![A-Za-z0-9])AC[0-9a-f]{32}(?![A-Za-z0-9])`;
const TOKEN_NAME = String.raw`(?:[Aa]uth|AUTH)[_.-]?(?:[Tt]oken|TOKEN)`;
const TOKEN_AFTER_SID = String.raw`(?:["']?\s{0,3}[:,]\s{0,3}["']?|[^\n]{1,100}?${TOKEN_NAME}${ASSIGN})`;
const TWILIO_TOKEN_NAME = String.raw`(?:[Tt]wilio|TWILIO)[\w.-]{0,20}?${TOKEN_NAME}`;
/** Twilio's name, or the SID's own, earlier on the line. */
const SID_CONTEXT = String.raw`(?:[Tt]wilio|TWILIO|[Aa]ccount[_.-]?[Ss]id|ACCOUNT[_.-]?SID)[^\n]{0,120}?`;
const KEY_SID_CONTEXT = String.raw`(?:[Tt]wilio|TWILIO|[Aa]piKeySid|API_KEY_SID|api_key_sid)[^\n]{0,120}?`;

export const TWILIO_RULES: readonly Rule[] = [
  {
    id: 'twilio-account-sid',
    provider: 'twilio',
    description: 'Twilio account SID (AC…), with the auth token when the same line holds it',
    keywords: ['twilio', 'accountsid', 'account_sid', 'account-sid', 'account.sid'],
    pattern: new RegExp(
      String.raw`${SID_CONTEXT}(?<secret>${SID_SHAPE})` +
        // not when an auth token named before it already captured it
        String.raw`(?<!${TWILIO_TOKEN_NAME}${ASSIGN}[0-9a-f]{32}(?![A-Za-z0-9])[^\n]{1,100}?${SID_SHAPE})` +
        String.raw`(?:${TOKEN_AFTER_SID}(?<authtoken>[0-9a-f]{32})(?![A-Za-z0-9]))?`,
    ),
    entropy: 3,
    parts: { 'account-sid': 'secret', 'auth-token': 'authtoken' },
    examples: {
      positive: [
        `const client = require('twilio')('${SID}', '${AUTH_TOKEN}');`,
        `TWILIO_ACCOUNT_SID=${SID} TWILIO_AUTH_TOKEN=${AUTH_TOKEN} node send.js`,
        `curl https://api.twilio.com/2010-04-01/Accounts.json -u ${SID}:${AUTH_TOKEN}`,
        `TWILIO_ACCOUNT_SID=${SID}`,
        `account_sid = "${SID}"`,
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
    keywords: ['twilio', 'apikeysid', 'api_key_sid'],
    pattern: new RegExp(String.raw`${KEY_SID_CONTEXT}(?<![A-Za-z0-9])(?<secret>SK[0-9a-fA-F]{32})(?![A-Za-z0-9])`),
    entropy: 3,
    examples: {
      positive: [
        `TWILIO_API_KEY=${API_KEY_SID}`,
        `const client = require('twilio')('${API_KEY_SID}', apiSecret, { accountSid });`,
        `api_key_sid = "${API_KEY_SID}"`,
      ],
      negative: ['TWILIO_API_KEY=SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', `TWILIO_API_KEY=SK${'0'.repeat(32)}`, `ref = "MASK${API_KEY_SID.slice(2)}"`, `TWILIO_REF = "MASK${API_KEY_SID.slice(2)}"`],
    },
  },
];
