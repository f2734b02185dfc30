import { dataProvider } from './declarative.js';

// Account resource: https://www.twilio.com/docs/iam/api/account#fetch-an-account-resource
// Errors: https://www.twilio.com/docs/errors/20003 (authentication), /20008 (test credentials),
// test credentials: https://www.twilio.com/docs/iam/test-credentials

const SID = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

/**
 * The account as GET /2010-04-01/Accounts/{Sid}.json returns it: the response recorded in Twilio's
 * own Python SDK tests (twilio/twilio-python, tests/integration/api/v2010/test_account.py,
 * test_fetch_response), trimmed of its subresource URIs.
 */
const ACCOUNT = {
  auth_token: 'auth_token',
  date_created: 'Thu, 30 Jul 2015 20:00:00 +0000',
  date_updated: 'Thu, 30 Jul 2015 20:00:00 +0000',
  friendly_name: 'friendly_name',
  owner_account_sid: SID,
  sid: SID,
  status: 'active',
  type: 'Full',
  uri: `/2010-04-01/Accounts/${SID}.json`,
};

export const twilio = dataProvider({
  id: 'twilio',
  title: 'Twilio',
  fields: [
    { id: 'account-sid', description: 'the account SID (AC…)', identifier: true },
    { id: 'auth-token', description: "the account's auth token", rotates: true },
  ],
  hosts: ['api.twilio.com'],
  apiRoot: 'https://api.twilio.com/',
  ping: '`GET /2010-04-01/Accounts/{AccountSid}.json`',
  modes: { values: ['test', 'live'] },
  can: { identity: true, scopes: false, expiry: false, mode: true, verifiesLeaks: true },
  formats: [/^AC[0-9a-f]{32}$/, /^SK[0-9a-fA-F]{32}$/],
  http: {
    request: {
      url: 'https://api.twilio.com/2010-04-01/Accounts/${account-sid}.json',
      auth: { basic: { username: '${account-sid}', password: '${auth-token}' } },
      headers: { accept: 'application/json' },
    },
    expect: { status: 200, json: { '$.sid': { exists: true } } },
    outcomes: [
      { when: { status: 200, json: { '$.status': 'suspended' } }, result: 'invalid', message: 'the Twilio account is suspended' },
      { when: { status: 200, json: { '$.status': 'closed' } }, result: 'invalid', message: 'the Twilio account is closed' },
      { when: { status: 200, json: { '$.sid': { exists: true } } }, result: 'valid', mode: 'live' },
      {
        when: { status: 401 },
        result: 'invalid',
        message: 'Twilio refused the credentials (error 20003: a wrong account SID or auth token, or a suspended or closed account)',
      },
      {
        when: { status: 403, json: { '$.code': 20008 } },
        result: 'valid',
        mode: 'test',
        note: 'Twilio test credentials (error 20008 on any read): they only create test messages, calls and phone numbers',
      },
    ],
    extract: {
      kind: 'account SID and auth token',
      identity: '$.friendly_name',
      notes: [{ label: 'account type', from: '$.type' }],
    },
  },
  examples: [
    {
      name: 'a live account',
      source: 'twilio/twilio-python tests/integration/api/v2010/test_account.py (test_fetch_response)',
      response: { status: 200, body: ACCOUNT },
      verdict: { outcome: 'valid', facts: { identity: 'friendly_name', mode: 'live', notes: ['account type: Full'] } },
    },
    {
      name: 'a suspended account',
      source: 'twilio.com/docs/iam/api/account (status: active, suspended or closed)',
      response: { status: 200, body: { ...ACCOUNT, status: 'suspended' } },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'wrong credentials',
      source: 'twilio.com/docs/errors/20003; body as recorded in public Twilio client tests',
      response: {
        status: 401,
        body: {
          code: 20003,
          detail: 'Your AccountSid or AuthToken was incorrect.',
          message: 'Authentication Error - No credentials provided',
          more_info: 'https://www.twilio.com/docs/errors/20003',
          status: 401,
        },
      },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'test credentials',
      source: 'twilio.com/docs/errors/20008 and twilio.com/docs/iam/test-credentials',
      response: {
        status: 403,
        body: { code: 20008, message: 'Resource not accessible with Test Account Credentials', more_info: 'https://www.twilio.com/docs/errors/20008', status: 403 },
      },
      verdict: { outcome: 'valid', facts: { mode: 'test' } },
    },
    {
      name: 'an unknown account SID for these credentials',
      source: 'twilio.com/docs/errors/20404',
      response: { status: 404, body: { code: 20404, message: 'The requested resource was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});
