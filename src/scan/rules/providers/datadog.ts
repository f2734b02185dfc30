import type { Rule } from '../../types.js';
import { ASSIGN, shape } from './kit.js';

// Key shapes: DataDog/datadog-agent pkg/util/scrubber/default.go (API key 32 hex, application key
// 40 hex or ddapp_…). Bare 32 and 40 hex are every MD5 digest and git commit id, so those are found
// only by their names. A line holding both keys is one finding: the first, with the other as a part.
// The patterns are case-insensitive for the names; `validate` holds each key to its exact shape.

const API_KEY = 'df70feb0626ae97af132ea5c7421ec6d';
const APP_KEY = 'ddapp_YfNzG9SAXmlgxgGypAX3P1zL8ktv5zIN3s';
const LEGACY_APP_KEY = '30cd456c3b5a614ec9674046ee8088dc825cc1e2';

/** DD_API_KEY, datadog_api_key, ddApiKey, DD-API-KEY, datadog.initialize(api_key=… */
const API_NAME = String.raw`(?:datadog[_.-]?|(?<![a-z0-9])dd[_.-]?|datadog[^\n]{1,60}?(?<![a-z0-9]))api[_.-]?key`;
const APP_NAME = String.raw`(?:datadog[_.-]?|(?<![a-z0-9])dd[_.-]?|datadog[^\n]{1,60}?(?<![a-z0-9]))app(?:lication)?[_.-]?key`;
/** The other key's name once a Datadog key is on the line: a bare api_key / app_key will do. */
const PARTNER_API = String.raw`(?:datadog|dd|(?<![a-z0-9]))[_.-]?api[_.-]?key`;
const PARTNER_APP = String.raw`(?:datadog|dd|(?<![a-z0-9]))[_.-]?app(?:lication)?[_.-]?key`;
const API_VALUE = String.raw`[0-9a-f]{32}(?![a-z0-9_-])`;
const APP_VALUE = String.raw`(?:[0-9a-f]{40}|ddapp_[a-z0-9_]{34})(?![a-z0-9_-])`;

const API_SHAPE = /^[0-9a-f]{32}$/;

export const DATADOG_RULES: readonly Rule[] = [
  {
    id: 'datadog-api-key',
    provider: 'datadog',
    description: 'Datadog API key (32 hex) by its name, with the application key when the same line names it after',
    keywords: ['datadog', 'dd_api', 'dd-api', 'dd.api', 'ddapi'],
    pattern: new RegExp(
      String.raw`${API_NAME}${ASSIGN}` +
        // not when an application key before it already captured it
        String.raw`(?<!(?:ddapp_[a-z0-9_]{34}|${APP_NAME}${ASSIGN}[0-9a-f]{40})(?![a-z0-9_-])[^\n]{1,100}?${PARTNER_API}${ASSIGN})` +
        String.raw`(?<secret>${API_VALUE})(?:[^\n]{1,100}?${PARTNER_APP}${ASSIGN}(?<appkey>${APP_VALUE}))?`,
      'i',
    ),
    entropy: 3,
    validate: shape(API_SHAPE),
    parts: { 'app-key': 'appkey' },
    examples: {
      positive: [
        `export DD_API_KEY=${API_KEY}`,
        `DD_API_KEY=${API_KEY} DD_APP_KEY=${APP_KEY} npx @datadog/datadog-ci synthetics run-tests`,
        `datadog.initialize(api_key="${API_KEY}", app_key="${LEGACY_APP_KEY}")`,
        `  datadogApiKey: '${API_KEY}',`,
        `curl -X GET "https://api.datadoghq.com/api/v1/validate" -H "DD-API-KEY: ${API_KEY}"`,
      ],
      negative: [
        `DD_API_KEY=${API_KEY.toUpperCase()}`,
        'DD_API_KEY=00000000000000000000000000000000',
        'DD_API_KEY: ${{ secrets.DD_API_KEY }}',
        `ADD_API_KEY=${API_KEY}`,
        `DD_API_KEY=${API_KEY}0`,
      ],
    },
  },
  {
    id: 'datadog-app-key',
    provider: 'datadog',
    description: 'Datadog application key (ddapp_…), with the API key when the same line names it after',
    keywords: ['ddapp_'],
    pattern: new RegExp(
      // not when an API key before it already captured it (the lookahead first keeps it cheap)
      String.raw`(?<![\w-])(?=ddapp_)(?<!${API_NAME}${ASSIGN}${API_VALUE}[^\n]{1,100}?${PARTNER_APP}${ASSIGN})` +
        String.raw`(?<secret>ddapp_[a-z0-9_]{34})(?![a-z0-9_-])(?:[^\n]{1,100}?${PARTNER_API}${ASSIGN}(?<apikey>${API_VALUE}))?`,
      'i',
    ),
    entropy: 4,
    validate: shape(/^ddapp_[A-Za-z0-9_]{34}$/),
    parts: { 'app-key': 'secret', 'api-key': 'apikey' },
    examples: {
      positive: [`DD_APP_KEY=${APP_KEY}`, `DD_APP_KEY=${APP_KEY} DD_API_KEY=${API_KEY} datadog-ci synthetics run-tests`, `  application_key: "${APP_KEY}"`],
      negative: [`DD_APP_KEY=DDAPP_${APP_KEY.slice(6)}`, `DD_APP_KEY=ddapp_${'x'.repeat(34)}`, 'DD_APP_KEY: ${{ secrets.DD_APP_KEY }}'],
    },
  },
  {
    id: 'datadog-app-key-legacy',
    provider: 'datadog',
    description: 'Datadog application key of the 40-hex shape by its name, with the API key when the same line names it after',
    keywords: ['datadog', 'dd_app', 'dd-app', 'dd.app', 'ddapp'],
    pattern: new RegExp(
      String.raw`${APP_NAME}${ASSIGN}` +
        // not when an API key before it already captured it
        String.raw`(?<!${API_NAME}${ASSIGN}${API_VALUE}[^\n]{1,100}?${PARTNER_APP}${ASSIGN})` +
        String.raw`(?<secret>[0-9a-f]{40})(?![a-z0-9_-])(?:[^\n]{1,100}?${PARTNER_API}${ASSIGN}(?<apikey>${API_VALUE}))?`,
      'i',
    ),
    entropy: 3,
    validate: shape(/^[0-9a-f]{40}$/),
    parts: { 'app-key': 'secret', 'api-key': 'apikey' },
    examples: {
      positive: [
        `export DD_APP_KEY=${LEGACY_APP_KEY}`,
        `curl "https://api.datadoghq.com/api/v2/validate_keys" -H "DD-APPLICATION-KEY: ${LEGACY_APP_KEY}" -H "DD-API-KEY: ${API_KEY}"`,
      ],
      negative: [
        `DD_APP_KEY=${LEGACY_APP_KEY.toUpperCase()}`,
        'DD_APP_KEY=0000000000000000000000000000000000000000',
        'DD_GIT_COMMIT_SHA=3f786850e387550fdab836ed7e6dc881de23001b',
        `DD_APP_KEY_ID=${LEGACY_APP_KEY}`,
      ],
    },
  },
];
