import { ProblemError } from '../check/problems.js';
import { oneLine } from '../sanitize.js';
import { dataProvider, judge, type HttpCheck } from './declarative.js';
import { jsonPath, tryJson } from './kit.js';
import type { Provider } from './provider.js';

// PATs: learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate
// (Basic with an empty user name and the PAT as password). GET {org}/_apis/connectionData answers
// any PAT of the organization with the identity it acts for (ConnectionData.authenticatedUser:
// microsoft/azure-devops-node-api api/interfaces/LocationsInterfaces.ts); X-TFS-FedAuthRedirect:
// Suppress asks for a 401 instead of the sign-in page (microsoft/azure-pipelines-agent sends it on
// connectiondata), which otherwise comes as 203 + HTML (MicrosoftDocs/vsts-rest-api-specs#97, #574).
// Rate limits: learn.microsoft.com/azure/devops/integrate/concepts/rate-limits (X-RateLimit-Reset
// in epoch seconds). Token shapes: learn.microsoft.com/purview/sit-defn-azure-devops-personal-access-token
// (84 characters, AZDO at 76–80) and the classic 52 base32 characters.

/** Organization names: letters, digits and hyphens, not starting or ending with a hyphen, at most 50. */
const ORGANIZATION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$/;

const HTTP: HttpCheck = {
  request: {
    url: '_apis/connectionData',
    auth: { basic: { username: '', password: '${token}' } },
    headers: { accept: 'application/json', 'x-tfs-fedauthredirect': 'Suppress' },
  },
  expect: { status: 200, json: { '$.authenticatedUser.id': { exists: true } } },
  outcomes: [
    { when: { status: 203 }, result: 'invalid', message: 'Azure DevOps answered with its sign-in page (HTTP 203): it did not accept the PAT' },
    {
      when: { status: 200, body: 'Microsoft.TeamFoundation.UnauthenticatedIdentity' },
      result: 'invalid',
      message: 'Azure DevOps answered as to an anonymous visitor: the PAT is unknown, expired, revoked or not valid for this organization',
    },
    { when: { status: 401, body: 'Personal Access Token used has expired' }, result: 'expired', message: 'Azure DevOps says the PAT has expired' },
    {
      when: { status: 401 },
      result: 'invalid',
      message: 'Azure DevOps refused the PAT (HTTP 401): it is unknown, revoked, or not valid for this organization (Azure DevOps does not say which)',
    },
  ],
  extract: { kind: 'personal access token', identity: '$.authenticatedUser.providerDisplayName' },
  ratelimit: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', format: 'epoch-seconds' },
};

const SETTINGS = { organization: 'fabrikam' };
const ACCOUNT = 'dev.one@fabrikam.example';

/**
 * ConnectionData written by hand after the azure-devops-node-api interfaces (LocationsInterfaces.ts,
 * IdentitiesInterfaces.ts), with the Account property that names the signed-in account.
 */
const CONNECTION_DATA = {
  authenticatedUser: {
    id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    descriptor: 'Microsoft.IdentityModel.Claims.ClaimsIdentity;72f988bf-86f1-41af-91ab-2d7cd011db47\\dev.one@fabrikam.example',
    subjectDescriptor: 'aad.MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw',
    providerDisplayName: 'Dev One',
    isActive: true,
    properties: { Account: { $type: 'System.String', $value: ACCOUNT } },
    resourceVersion: 2,
    metaTypeId: 0,
  },
  authorizedUser: { id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', providerDisplayName: 'Dev One', isActive: true },
  instanceId: '00000000-0000-0000-0000-000000000001',
  deploymentId: '00000000-0000-0000-0000-000000000002',
  deploymentType: 'hosted',
  locationServiceData: { serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7', defaultAccessMappingMoniker: 'PublicAccessMapping', lastChangeId: 1, lastChangeId64: 1 },
};

const declared = dataProvider({
  id: 'azure-devops',
  title: 'Azure DevOps (personal access tokens)',
  ping: '`GET https://dev.azure.com/{organization}/_apis/connectionData`',
  fields: [{ id: 'token', description: 'a personal access token of the organization', rotates: true }],
  hosts: ['dev.azure.com'],
  apiRoot: 'https://dev.azure.com/',
  can: { identity: true, scopes: false, expiry: false, mode: false, verifiesLeaks: false },
  settings: {
    properties: {
      organization: {
        type: 'string',
        pattern: ORGANIZATION.source,
        description: 'The Azure DevOps organization the PAT belongs to, as in https://dev.azure.com/<organization>.',
      },
    },
    required: ['organization'],
  },
  // The classic 52 base32 characters with at least one digit, so a run of letters is no PAT.
  formats: [/^[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}$/, /^(?=[a-z]*[2-7])[a-z2-7]{52}$/],
  http: HTTP,

  /** The organization is part of every URL: without one (a found PAT) the PAT goes nowhere. */
  fromSettings(settings) {
    const organization = settings.organization;
    if (organization === undefined) return { hosts: [] };
    if (typeof organization !== 'string' || !ORGANIZATION.test(organization)) {
      throw new ProblemError('unexpected-response', 'organization is not an Azure DevOps organization name (letters, digits and hyphens); the PAT was not sent');
    }
    return { hosts: ['dev.azure.com'], base: `https://dev.azure.com/${organization}/` };
  },

  examples: [
    {
      name: 'a PAT of the organization',
      source: 'hand-written after microsoft/azure-devops-node-api api/interfaces/LocationsInterfaces.ts (ConnectionData) and IdentitiesInterfaces.ts (Identity)',
      settings: SETTINGS,
      response: { status: 200, body: CONNECTION_DATA },
      verdict: { outcome: 'valid', facts: { identity: ACCOUNT, kind: 'personal access token' } },
    },
    {
      name: 'a PAT refused with the sign-in page',
      source: 'MicrosoftDocs/vsts-rest-api-specs#97 and #574 ("HTTP 203 with sign in content"); page hand-written',
      settings: SETTINGS,
      response: { status: 203, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<html><head><title>Azure DevOps Services | Sign In</title></head><body></body></html>' },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'a PAT answered as an anonymous visitor',
      source: 'hand-written: the UnauthenticatedIdentity descriptor type of Azure DevOps identities (uauth subjects)',
      settings: SETTINGS,
      response: {
        status: 200,
        body: { ...CONNECTION_DATA, authenticatedUser: { id: '00000000-0000-0000-0000-000000000000', descriptor: 'Microsoft.TeamFoundation.UnauthenticatedIdentity;anonymous', providerDisplayName: 'Anonymous', isActive: true } },
      },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'an expired PAT',
      source: 'the AccessCheckException body recorded by a vsce publish run (kkenya mermaid-sequence-number notes): "Access Denied: The Personal Access Token used has expired."',
      settings: SETTINGS,
      response: {
        status: 401,
        body: {
          $id: '1',
          innerException: null,
          message: 'Access Denied: The Personal Access Token used has expired.',
          typeName: 'Microsoft.VisualStudio.Services.Security.AccessCheckException, Microsoft.VisualStudio.Services.WebApi',
          typeKey: 'AccessCheckException',
          errorCode: 0,
          eventId: 3000,
        },
      },
      verdict: { outcome: 'rejected', code: 'expired' },
    },
    {
      name: 'an unknown PAT',
      source: 'microsoft/AzDevOpsDemoGenerator#56 (401 Unauthorized with WWW-Authenticate: Basic realm=…); body hand-written',
      settings: SETTINGS,
      response: { status: 401, headers: { 'www-authenticate': 'Basic realm="https://tfsprodcin2.visualstudio.com/"', 'content-type': 'text/plain' }, body: '' },
      verdict: { outcome: 'rejected', code: 'invalid' },
    },
    {
      name: 'an organization that does not exist',
      source: 'hand-written: a 404 says nothing about the PAT',
      settings: { organization: 'no-such-org' },
      response: { status: 404, body: { message: 'The resource cannot be found.' } },
      verdict: { outcome: 'unknown', code: 'unexpected-response' },
    },
  ],
});

export const azureDevops: Provider = {
  ...declared,
  /** As declared, but named by the account (e-mail or UPN) when the answer carries it, else by display name. */
  async check(_credential, ctx) {
    if (ctx.settings.organization === undefined) {
      const why = ctx.purpose === 'leak' ? 'a PAT found alone names no organization' : 'the organization setting is missing';
      throw new ProblemError('unexpected-response', `${why}, and a PAT is checked against its organization; it was not sent`);
    }
    const res = await ctx.http.send(HTTP.request);
    const verdict = judge(HTTP, res, 'Azure DevOps');
    const account = jsonPath(tryJson(res.body), '$.authenticatedUser.properties.Account.$value');
    if (verdict.outcome === 'valid' && typeof account === 'string' && account.trim()) verdict.facts.identity = oneLine(account, 200);
    return verdict;
  },
};
