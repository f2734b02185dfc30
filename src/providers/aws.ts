import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { ProblemError } from '../check/problems.js';
import type { Credential, HttpResponse, Signer } from '../http/types.js';
import { oneLine } from '../sanitize.js';
import { malformed, rejected, valid } from './kit.js';
import type { Example, Provider, TokenFacts, Verdict } from './provider.js';

// STS GetCallerIdentity: docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html (no
// permission needed, an explicit deny does not block it); errors: .../APIReference/CommonErrors.html;
// endpoints: docs.aws.amazon.com/general/latest/gr/sts.html; key id prefixes:
// docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids.
// Recorded answers: hashicorp/aws-sdk-go-base servicemocks/mock.go (the STS mocks terraform-provider-aws
// tests against).

const ACTION = { Action: 'GetCallerIdentity', Version: '2011-06-15' };
const GLOBAL = { host: 'sts.amazonaws.com', region: 'us-east-1' };
/** Commercial, GovCloud (`us-gov-west-1`) and China (`cn-north-1`) regions; not the isolated partitions. */
const REGION = /^(?:[a-z]{2}|us-gov)-[a-z]+-\d{1,2}$/;

/** The STS endpoint and signing region: the global endpoint by default, else the region's own. */
export function stsEndpoint(region: unknown): { host: string; region: string } | undefined {
  if (region === undefined) return GLOBAL;
  if (typeof region !== 'string' || !REGION.test(region)) return undefined;
  return { host: `sts.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`, region };
}

/** SHA-256 and HMAC-SHA-256 over node:crypto, in the shape SignatureV4 takes (@smithy/types Checksum). */
class Sha256 {
  private hash!: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.reset();
  }
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    const key = this.secret;
    if (key === undefined) this.hash = createHash('sha256');
    else if (typeof key === 'string') this.hash = createHmac('sha256', key);
    else this.hash = createHmac('sha256', ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : new Uint8Array(key));
  }
}

/** Signs the composed request with SigV4 for STS; returns only the headers it adds. */
function sigV4(region: string): Signer {
  return {
    async sign(request, credential: Credential) {
      const signer = new SignatureV4({
        service: 'sts',
        region,
        sha256: Sha256,
        applyChecksum: false,
        credentials: { accessKeyId: credential['access-key-id']!, secretAccessKey: credential['secret-access-key']!, sessionToken: credential['session-token'] },
      });
      const { url } = request;
      const signed = await signer.sign({
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        // undici sends `host: url.host`, so that is what is signed.
        headers: { ...request.headers, host: url.host },
        body: request.body,
      });
      const added: Record<string, string> = {};
      for (const name of ['authorization', 'x-amz-date', 'x-amz-security-token']) {
        const value = signed.headers[name];
        if (value !== undefined) added[name] = value;
      }
      return added;
    },
  };
}

/** The text of `<tag>` in a flat STS document, unescaped; undefined when absent. */
function xmlText(body: string, tag: 'Arn' | 'Account' | 'UserId' | 'Code' | 'Message'): string | undefined {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body);
  if (!m) return undefined;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]!).trim();
}

function keyKind(keyId: string): string {
  if (keyId.startsWith('AKIA')) return 'long-term access key';
  if (keyId.startsWith('ASIA')) return 'temporary session credentials';
  return 'access key';
}

function identityFacts(credential: Credential, arn: string, account: string | undefined, userId: string | undefined): TokenFacts {
  const facts: TokenFacts = { kind: keyKind(credential['access-key-id']!), identity: oneLine(arn, 200) };
  const owner = account ?? /^arn:[\w-]+:[\w-]+::(\d{12}):/.exec(arn)?.[1];
  if (owner && /^\d{12}$/.test(owner)) facts.mode = owner;
  const notes: string[] = [];
  if (userId) notes.push(`user id: ${oneLine(userId, 100)}`);
  if (/^arn:[\w-]+:iam::\d{12}:root$/.test(arn)) notes.push("the account's root user: AWS advises against access keys for the root user");
  if (notes.length) facts.notes = notes;
  return facts;
}

/** What STS said, as `Code: Message`, one safe line. */
function said(res: HttpResponse): string {
  const code = xmlText(res.body, 'Code');
  const message = xmlText(res.body, 'Message');
  return oneLine([code, message].filter(Boolean).join(': '), 240);
}

/** STS refused the request's time, not the key: its signature is dated too far from STS's clock. */
function clockRefused(res: HttpResponse): boolean {
  return xmlText(res.body, 'Code') === 'SignatureDoesNotMatch' && /signature expired/i.test(xmlText(res.body, 'Message') ?? '');
}

function judge(res: HttpResponse, credential: Credential, regional: boolean): Verdict {
  if (res.status !== 200) return refusal(res, credential, regional);
  const arn = xmlText(res.body, 'Arn');
  const account = xmlText(res.body, 'Account');
  if (!res.body.includes('<GetCallerIdentityResult>') || !arn || !account || !/^\d{12}$/.test(account)) {
    throw malformed(res, 'GetCallerIdentity', 'it is not a GetCallerIdentityResponse with an Arn and a 12-digit Account');
  }
  return valid(identityFacts(credential, arn, account, xmlText(res.body, 'UserId')), res);
}

/** The STS error dialect (docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html). */
function refusal(res: HttpResponse, credential: Credential, regional: boolean): Verdict {
  const words = said(res);
  if (clockRefused(res)) throw new ProblemError('unexpected-response', `STS refused the request's time, not the key: this machine's clock is off (${words})`);
  switch (xmlText(res.body, 'Code')) {
    case 'InvalidClientTokenId':
      return rejected('invalid', `AWS does not accept this access key id: unknown, deleted or deactivated (${words})${unknownKeyHint(credential, regional)}`, res);
    case 'SignatureDoesNotMatch':
      return rejected('invalid', `the secret access key does not match this access key id (${words})`, res);
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return rejected('expired', `the session credentials have expired (${words})`, res);
    case 'AccessDenied': {
      // Authorization comes after authentication: a denial naming the caller proves the key works.
      const principal = /\b(arn:[\w-]+:[\w-]+::\d{12}:\S+?) is not authorized/.exec(xmlText(res.body, 'Message') ?? '')?.[1];
      if (!principal) break;
      const facts = identityFacts(credential, principal, undefined, undefined);
      facts.notes = [...(facts.notes ?? []), 'STS answered AccessDenied to GetCallerIdentity, but only after authenticating the key'];
      return valid(facts, res);
    }
    case 'RegionDisabledException':
      throw new ProblemError('unexpected-response', `STS is not activated in this region for the account, so the key could not be checked there; use the global endpoint (no region) or an active region (${words})`);
    case 'Throttling':
      throw new ProblemError('rate-limited', `${res.host} throttled the call (${words})`);
  }
  throw new ProblemError('unexpected-response', `${res.host} answered HTTP ${res.status}${words ? ` (${words})` : ''}`);
}

/** Why STS may not know a key id that is right: its session token missing or misplaced, or a region not enabled. */
function unknownKeyHint(credential: Credential, regional: boolean): string {
  const temporary = credential['access-key-id']!.startsWith('ASIA');
  if (temporary && !credential['session-token']) return '; an ASIA… key id is temporary and needs its session-token';
  if (!temporary && credential['session-token']) return '; a session-token goes only with a temporary (ASIA…) key id';
  return regional ? '; in an opt-in region the account must have enabled the region' : '';
}

/** A GetCallerIdentityResponse as the mocks write it. */
const identityXml = (arn: string, userId: string, account: string) => `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>${arn}</Arn>
    <UserId>${userId}</UserId>
    <Account>${account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>`;

/** An STS ErrorResponse as the mocks write it. */
const errorXml = (code: string, message: string, requestId = '01234567-89ab-cdef-0123-456789abcdef') => `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<Error>
  <Type>Sender</Type>
  <Code>${code}</Code>
  <Message>${message}</Message>
</Error>
<RequestId>${requestId}</RequestId>
</ErrorResponse>`;

/** The answer to the one POST / of the check, on the global endpoint unless `origin` names a regional one. */
function sts(status: number, body: string, origin?: string): NonNullable<Example['responses']> {
  return [{ method: 'POST', path: '/', ...(origin ? { origin } : {}), status, headers: { 'content-type': 'text/xml' }, body }];
}

const EXAMPLE_KEY = { 'access-key-id': 'AKIAIOSFODNN7EXAMPLE', 'secret-access-key': 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const EXAMPLE_SESSION = { ...EXAMPLE_KEY, 'access-key-id': 'ASIAIOSFODNN7EXAMPLE', 'session-token': 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN' };
const MOCKS = 'hashicorp/aws-sdk-go-base servicemocks/mock.go';

const examples: Example[] = [
  {
    name: 'an IAM user',
    source: `${MOCKS} (MockStsGetCallerIdentityValidResponseBody)`,
    credential: EXAMPLE_KEY,
    responses: sts(200, identityXml('arn:aws:iam::222222222222:user/Alice', 'AKIAI44QH8DHBEXAMPLE', '222222222222')),
    verdict: { outcome: 'valid', facts: { kind: 'long-term access key', identity: 'arn:aws:iam::222222222222:user/Alice', mode: '222222222222', notes: ['user id: AKIAI44QH8DHBEXAMPLE'] } },
  },
  {
    name: 'session credentials of an assumed role, at a regional endpoint',
    source: `${MOCKS} (MockStsGetCallerIdentityValidAssumedRoleResponseBody)`,
    credential: EXAMPLE_SESSION,
    settings: { region: 'eu-west-1' },
    responses: sts(200, identityXml('arn:aws:sts::555555555555:assumed-role/role/AssumeRoleSessionName', 'ARO123EXAMPLE123:AssumeRoleSessionName', '555555555555'), 'https://sts.eu-west-1.amazonaws.com'),
    verdict: { outcome: 'valid', facts: { kind: 'temporary session credentials', identity: 'arn:aws:sts::555555555555:assumed-role/role/AssumeRoleSessionName', mode: '555555555555' } },
  },
  {
    name: 'an unknown or deactivated access key id',
    source: `${MOCKS} (MockStsAssumeRoleInvalidResponseBodyInvalidClientTokenId: the same error STS gives GetCallerIdentity)`,
    responses: sts(403, errorXml('InvalidClientTokenId', 'The security token included in the request is invalid.', '4d0cf5ec-892a-4d3f-84e4-30e9987d9bdd')),
    verdict: { outcome: 'rejected', code: 'invalid' },
  },
  {
    name: 'expired session credentials',
    source: `${MOCKS} (MockStsGetCallerIdentityInvalidResponseBodyExpiredToken)`,
    credential: EXAMPLE_SESSION,
    responses: sts(403, errorXml('ExpiredToken', 'The security token included in the request is expired')),
    verdict: { outcome: 'rejected', code: 'expired' },
  },
  {
    name: 'a denial that names the caller',
    source: `${MOCKS} (MockStsGetCallerIdentityInvalidResponseBodyAccessDenied)`,
    responses: sts(403, errorXml('AccessDenied', 'User: arn:aws:iam::123456789012:user/Bob is not authorized to perform: sts:GetCallerIdentity')),
    verdict: { outcome: 'valid', facts: { identity: 'arn:aws:iam::123456789012:user/Bob', mode: '123456789012' } },
  },
  {
    name: 'STS not activated in the region',
    source: 'aws/aws-sdk-kotlin aws-runtime/aws-config/common/test/aws/sdk/kotlin/runtime/auth/credentials/StsAssumeRoleCredentialsProviderTest.kt (testRegionDisabled)',
    settings: { region: 'ap-east-1' },
    responses: sts(403, errorXml('RegionDisabledException', 'AWS STS is not activated in the requested region for the account that is being asked to generate credentials', 'foo-id'), 'https://sts.ap-east-1.amazonaws.com'),
    verdict: { outcome: 'unknown', code: 'unexpected-response' },
  },
];

export const aws: Provider = {
  id: 'aws',
  title: 'AWS (access keys)',
  ping: 'STS `GetCallerIdentity` (a POST that changes nothing), signed with SigV4',
  fields: [
    { id: 'access-key-id', description: 'the access key id (AKIA… long-term, ASIA… temporary)', identifier: true },
    { id: 'secret-access-key', description: 'the secret access key', rotates: true },
    { id: 'session-token', description: 'the session token of temporary (ASIA…) credentials', optional: true },
  ],
  hosts: [GLOBAL.host],
  apiRoot: `https://${GLOBAL.host}/`,
  modes: { pattern: '^\\d{12}$', description: 'the 12-digit id of the AWS account the key belongs to' },
  can: { identity: true, scopes: false, expiry: false, mode: true, verifiesLeaks: true },
  settings: {
    properties: {
      region: {
        type: 'string',
        pattern: REGION.source,
        description: "The region whose STS endpoint checks the key, as AWS names it (eu-west-1, us-gov-west-1, cn-north-1): sts.<region>.amazonaws.com; by default the global endpoint sts.amazonaws.com.",
      },
    },
  },
  formats: [/^(?:AKIA|ASIA)[A-Z0-9]{16}$/],
  examples,

  async check(credential, ctx) {
    const endpoint = stsEndpoint(ctx.settings.region);
    if (!endpoint) throw new ProblemError('unexpected-response', 'region is not an AWS region name such as eu-west-1; the key was not sent');
    const send = () => ctx.http.send({ method: 'POST', url: '/', form: ACTION, auth: { signer: sigV4(endpoint.region) } });
    let res = await send();
    // STS refuses, once, the next request of a key id signed with another secret within seconds,
    // even a right one (trufflesecurity/trufflehog pkg/detectors/aws/access_keys/accesskey.go): ask again.
    if (xmlText(res.body, 'Code') === 'SignatureDoesNotMatch' && !clockRefused(res)) res = await send();
    return judge(res, credential, ctx.settings.region !== undefined);
  },

  throttling: { isThrottled: (res) => res.status === 400 && xmlText(res.body, 'Code') === 'Throttling' },

  fromSettings(settings) {
    const endpoint = stsEndpoint(settings.region);
    return endpoint ? { hosts: [endpoint.host] } : { hosts: [] };
  },
};
