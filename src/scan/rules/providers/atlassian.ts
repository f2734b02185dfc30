import { atlassianChecksumHolds } from '../../../providers/atlassian.js';
import type { Rule } from '../../types.js';
import { ASSIGN, EMAIL, END, START } from './kit.js';

// Atlassian tokens end with the CRC-32 of everything before, as 8 upper-case hex digits
// (src/providers/atlassian.ts): a copy that was cut or retyped fails it and is not reported.

const API_TOKEN =
  'ATATT3xFfGF0UK5M3VmxLLB2cPSP-K_VIbZYlzWM2RbKOiqbGKLlX1LmRAOCCbs8tGIdgmQr95s9URzM2RL1I9aOdDyQV8Tf77p4DLUf6c8IK9YAi9__YZIjpCEyupEIv6jWpb5byl9WOLC9EAMYxQMkdbiQIlXzJxz9oWvDo9SZE_RjwIE6vu04JtIzB3ap=576ED868';
const ACCESS_TOKEN =
  'ATCTT3xFfGN0hAbB4i0FHLU1gylJW_5quvlJR9wChV6PKcArm_YSXvSN6ReWJux9GnAOuPTXUAgianbt3_yWm_88X5ytxpT8dw8qvUdHjfH_w_FCPOlDbp49V7KT-fon8-FS2j4vt-R8GFhrgI4EBHwJx4O7eIA7HS1gvgnPjeTGsBjR3CadVlH9P6J42Z51=E809C1D4';
const APP_PASSWORD = 'ATBBDg4BKNYoIxd4FmBAoypGDLc1430905B0';
/** The same with a wrong last checksum digit. */
const BROKEN = (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

/** The account's email joined to the token: `-u EMAIL:TOKEN`, `("EMAIL", "TOKEN")`, `…EMAIL=EMAIL … TOKEN=TOKEN`. */
const EMAIL_BEFORE = String.raw`(?:(?<email>${EMAIL})(?:["']?\s{0,3}[:,]\s{0,3}["']?|["']?[\s,;&][^\n]{0,60}?(?:TOKEN|[Tt]oken|PASSWORD|[Pp]assword)${ASSIGN}))?`;
/** The Bitbucket username of an app password: in a URL (`https://USER:APP_PASSWORD@bitbucket.org`) or `curl -u USER:APP_PASSWORD`. */
const USER_BEFORE = String.raw`(?:(?:(?<=\/\/)|(?<![\w-])(?:-u|--user)\s{1,3}["']?)(?<username>[A-Za-z0-9_.-]{1,64}):)?`;

export const ATLASSIAN_RULES: readonly Rule[] = [
  {
    id: 'atlassian-api-token',
    provider: 'atlassian',
    description: 'Atlassian account API token (ATATT3…), with the account email when it is joined to it',
    keywords: ['atatt3'],
    pattern: new RegExp(String.raw`${EMAIL_BEFORE}${START}(?<secret>ATATT3[A-Za-z0-9_-]{100,400}=[0-9A-F]{8})${END}`),
    validate: atlassianChecksumHolds,
    parts: { email: 'email' },
    examples: {
      positive: [
        `curl -u jane.doe@example.com:${API_TOKEN} https://acme.atlassian.net/rest/api/3/myself`,
        `jira = JIRA(server="https://acme.atlassian.net", basic_auth=("jane.doe@example.com", "${API_TOKEN}"))`,
        `JIRA_API_TOKEN=${API_TOKEN}`,
        `  confluence_token: "${API_TOKEN}"`,
      ],
      negative: [
        `JIRA_API_TOKEN=${BROKEN(API_TOKEN)}`,
        `JIRA_API_TOKEN=${API_TOKEN.slice(0, 120)}`,
        'JIRA_API_TOKEN: ${{ secrets.JIRA_API_TOKEN }}',
        'basic_auth=("jane.doe@example.com", "ATATT3xFfGF0<your API token>")',
      ],
    },
  },
  {
    id: 'bitbucket-app-password',
    provider: 'bitbucket',
    description: 'Bitbucket app password (ATBB…), with its username when a URL or `curl -u` joins them',
    keywords: ['atbb'],
    pattern: new RegExp(String.raw`${USER_BEFORE}${START}(?<secret>ATBB[A-Za-z0-9]{24}[0-9A-F]{8})${END}`),
    validate: atlassianChecksumHolds,
    parts: { username: 'username' },
    examples: {
      positive: [
        `git clone https://jdoe:${APP_PASSWORD}@bitbucket.org/acme/app.git`,
        `curl -u jdoe:${APP_PASSWORD} https://api.bitbucket.org/2.0/user`,
        `BITBUCKET_APP_PASSWORD=${APP_PASSWORD}`,
      ],
      negative: [
        `BITBUCKET_APP_PASSWORD=${BROKEN(APP_PASSWORD)}`,
        'BITBUCKET_APP_PASSWORD=ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'git clone https://jdoe:${BITBUCKET_APP_PASSWORD}@bitbucket.org/acme/app.git',
      ],
    },
  },
  {
    id: 'bitbucket-access-token',
    provider: 'bitbucket',
    description: 'Bitbucket repository, project or workspace access token (ATCTT3…)',
    keywords: ['atctt3'],
    pattern: new RegExp(String.raw`${START}(?<secret>ATCTT3[A-Za-z0-9_-]{100,400}=[0-9A-F]{8})${END}`),
    validate: atlassianChecksumHolds,
    examples: {
      positive: [`curl -H "Authorization: Bearer ${ACCESS_TOKEN}" https://api.bitbucket.org/2.0/repositories/acme`, `BITBUCKET_ACCESS_TOKEN: "${ACCESS_TOKEN}"`],
      negative: [`BITBUCKET_ACCESS_TOKEN=${BROKEN(ACCESS_TOKEN)}`, 'BITBUCKET_ACCESS_TOKEN=$BITBUCKET_ACCESS_TOKEN', `token = "${ACCESS_TOKEN.slice(0, 90)}"`],
    },
  },
];
