// The config of a pull_request_target run comes from the base commit through the GitHub API.
// Responses follow https://docs.github.com/en/rest/repos/contents#get-repository-content (see
// contents-fixtures.ts); MockAgent answers them, with the network shut off.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configReadFromBase, readConfigAtRef, TrustedConfigError, type ReadConfigRequest } from '../../src/action/trusted-config.js';
import { useMockAgent } from '../helpers/mock-agent.js';
import {
  BASE_SHA,
  CONFIG_PATH,
  CONFIG_TEXT,
  directoryBody,
  errorBody,
  fileBody,
  HEAD_SHA,
  JSON_HEADERS,
  largeFileBody,
  OWNER,
  REPO,
  submoduleBody,
  symlinkBody,
} from './contents-fixtures.js';

const TOKEN = 'ghs_SENTINELtrustedconfig000000000000';
const API = 'https://api.github.com';
const CONTENTS = `/repos/${OWNER}/${REPO}/contents/.github%2Ftoken-preflight.yml?ref=${BASE_SHA}`;

const mockAgent = useMockAgent();

function request(overrides: Partial<ReadConfigRequest> = {}): ReadConfigRequest {
  // Retries of a 5xx wait 1 ms instead of 1 s and 4 s.
  return { owner: OWNER, repo: REPO, ref: BASE_SHA, path: CONFIG_PATH, token: TOKEN, dispatcher: mockAgent(), retryBaseMs: 1, ...overrides };
}

interface Seen {
  path: string;
  headers: Record<string, string>;
}

/** Answers GET `path` at `origin` once, recording what was asked. */
function answer(status: number, body: unknown, options: { origin?: string; path?: string; headers?: Record<string, string> } = {}): Seen[] {
  const seen: Seen[] = [];
  mockAgent()
    .get(options.origin ?? API)
    .intercept({ method: 'GET', path: options.path ?? CONTENTS })
    .reply((asked) => {
      const headers = Object.fromEntries(Object.entries(asked.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
      seen.push({ path: asked.path, headers });
      return { statusCode: status, data: typeof body === 'string' ? body : JSON.stringify(body), responseOptions: { headers: options.headers ?? JSON_HEADERS } };
    })
    .persist();
  return seen;
}

/** Runs a read that must fail; checks the message's common promises and returns the error. */
async function failure(promise: Promise<unknown>): Promise<TrustedConfigError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrustedConfigError);
  const message = (error as Error).message;
  expect(message).not.toContain(TOKEN);
  expect(message).not.toContain('SENTINEL');
  expect(message).toContain('never from the workspace, on purpose');
  expect(message).not.toMatch(/[\r\n]/);
  return error as TrustedConfigError;
}

describe('configReadFromBase', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trusted-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const event = (payload: unknown, name = 'event.json') => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof payload === 'string' ? payload : JSON.stringify(payload));
    return file;
  };
  // Trimmed pull_request_target payload: https://docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request
  const payload = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { ref: 'patch-1', sha: HEAD_SHA, label: 'mallory:patch-1', repo: { full_name: 'mallory/widgets' } },
      base: { ref: 'main', sha: BASE_SHA, label: 'acme:main', repo: { full_name: `${OWNER}/${REPO}` } },
    },
    repository: { full_name: `${OWNER}/${REPO}` },
  };

  it('on pull_request_target names the base commit of GITHUB_REPOSITORY, not the head', () => {
    const env = { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: event(payload), GITHUB_REPOSITORY: `${OWNER}/${REPO}` };
    expect(configReadFromBase(env)).toEqual({ owner: OWNER, repo: REPO, ref: BASE_SHA });
  });

  it.each(['pull_request', 'push', 'workflow_dispatch', 'workflow_run', ''])('is undefined for the event "%s"', (name) => {
    const env = { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: event(payload), GITHUB_REPOSITORY: `${OWNER}/${REPO}` };
    expect(configReadFromBase(env)).toBeUndefined();
  });

  it('is undefined outside a runner', () => {
    expect(configReadFromBase({})).toBeUndefined();
  });

  it.each([
    ['no GITHUB_EVENT_PATH', { GITHUB_REPOSITORY: `${OWNER}/${REPO}` }, /GITHUB_EVENT_PATH is not set/],
    ['a missing payload file', { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_EVENT_PATH: path.join(dir, 'nope.json') }, /could not be read/],
    ['a payload that is not JSON', { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_EVENT_PATH: event('{ not json', 'bad.json') }, /could not be read/],
    ['no base sha', { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_EVENT_PATH: event({ pull_request: { base: { ref: 'main' } } }, 'nosha.json') }, /no pull_request\.base\.sha/],
    ['a base sha that is no sha', { GITHUB_REPOSITORY: `${OWNER}/${REPO}`, GITHUB_EVENT_PATH: event({ pull_request: { base: { sha: 'main' } } }, 'ref.json') }, /no pull_request\.base\.sha/],
    ['no GITHUB_REPOSITORY', { GITHUB_EVENT_PATH: event(payload) }, /GITHUB_REPOSITORY is not set/],
    ['a GITHUB_REPOSITORY that is not owner/repo', { GITHUB_EVENT_PATH: event(payload), GITHUB_REPOSITORY: 'acme/widgets/extra' }, /not owner\/repo/],
  ])('on pull_request_target fails closed with %s (never falls back to the workspace)', (_, env, message) => {
    const read = () => configReadFromBase({ GITHUB_EVENT_NAME: 'pull_request_target', ...env });
    expect(read).toThrow(TrustedConfigError);
    expect(read).toThrow(message);
    expect(read).toThrow(/never from the workspace, on purpose/);
  });
});

describe('readConfigAtRef', () => {
  it('decodes the base64 content of the file at the base sha, asked with the token', async () => {
    const seen = answer(200, fileBody());
    await expect(readConfigAtRef(request())).resolves.toEqual({ text: CONFIG_TEXT });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe(CONTENTS);
    expect(new URL(seen[0]!.path, API).searchParams.get('ref')).toBe(BASE_SHA);
    expect(seen[0]!.headers.authorization).toBe(`token ${TOKEN}`);
    expect(seen[0]!.headers['user-agent']).toMatch(/^token-preflight\//);
  });

  it('keeps a non-ASCII, multi-line file intact and drops a UTF-8 byte order mark', async () => {
    const text = `# café ✓\n${CONFIG_TEXT}`;
    answer(200, fileBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    await expect(readConfigAtRef(request())).resolves.toEqual({ text });
  });

  it('reads ./-prefixed and Windows-style paths as paths of the repository', async () => {
    answer(200, fileBody());
    await expect(readConfigAtRef(request({ path: './.github\\token-preflight.yml' }))).resolves.toEqual({ text: CONFIG_TEXT });
  });

  it.each(['/etc/passwd', '../outside.yml', '.', ''])('refuses the config path "%s", which is not inside the repository', async (p) => {
    const error = await failure(readConfigAtRef(request({ path: p })));
    expect(error.message).toContain('must be a file path inside the repository');
  });

  it('refuses an empty github-token before asking anything', async () => {
    const error = await failure(readConfigAtRef(request({ token: '' })));
    expect(error.message).toContain('the `github-token` input is empty');
  });

  it('words every failure to follow "token-preflight: " (no repeated prefix)', async () => {
    answer(403, errorBody(403, 'Resource not accessible by integration'));
    expect((await failure(readConfigAtRef(request()))).message).toMatch(/^could not read the config /);
  });

  it.each([
    ['GHES', 'https://ghe.example.com/api/v3', 'https://ghe.example.com', `/api/v3${CONTENTS}`],
    ['GHES, trailing slash', 'https://ghe.example.com/api/v3/', 'https://ghe.example.com', `/api/v3${CONTENTS}`],
    ['GHE.com', 'https://api.acme.ghe.com', 'https://api.acme.ghe.com', CONTENTS],
  ])('asks the API of GITHUB_API_URL (%s), keeping its path prefix', async (_, apiUrl, origin, wanted) => {
    const seen = answer(200, fileBody(CONFIG_TEXT, apiUrl), { origin, path: wanted });
    await expect(readConfigAtRef(request({ apiUrl }))).resolves.toEqual({ text: CONFIG_TEXT });
    expect(seen.map((s) => s.path)).toEqual([wanted]);
  });

  it('answers absent on 404 Not Found', async () => {
    answer(404, errorBody(404, 'Not Found'));
    await expect(readConfigAtRef(request())).resolves.toEqual({ absent: true });
  });

  it('fails (not absent) when GitHub does not know the base commit', async () => {
    answer(404, errorBody(404, `No commit found for the ref ${BASE_SHA}`));
    const error = await failure(readConfigAtRef(request()));
    expect(error.status).toBe(404);
    expect(error.message).toContain('GitHub does not know the base commit');
  });

  it('on 403 says the token cannot read contents and how to grant it', async () => {
    answer(403, errorBody(403, 'Resource not accessible by integration'), {
      headers: { ...JSON_HEADERS, 'x-accepted-github-permissions': 'contents=read', 'x-ratelimit-remaining': '4999' },
    });
    const error = await failure(readConfigAtRef(request()));
    expect(error.status).toBe(403);
    expect(error.message).toContain(`could not read the config ${CONFIG_PATH} at ${BASE_SHA.slice(0, 12)} of ${OWNER}/${REPO}`);
    expect(error.message).toContain('the github-token cannot read contents: GitHub answered 403 (Resource not accessible by integration)');
    expect(error.message).toContain('`permissions: contents: read`');
  });

  it('on 403 with the rate limit spent says so instead', async () => {
    answer(403, errorBody(403, 'API rate limit exceeded for installation ID 1.'), {
      headers: { ...JSON_HEADERS, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' },
    });
    const error = await failure(readConfigAtRef(request()));
    expect(error.message).toContain('rate limit was reached');
    expect(error.message).not.toContain('permissions: contents: read');
  });

  it('on 401 says the token was rejected', async () => {
    answer(401, errorBody(401, 'Bad credentials'));
    const error = await failure(readConfigAtRef(request()));
    expect(error.status).toBe(401);
    expect(error.message).toContain('the github-token was rejected: GitHub answered 401 (Bad credentials)');
  });

  it.each([
    [500, errorBody(500, 'Server Error'), JSON_HEADERS],
    [502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' }],
    [503, errorBody(503, 'Service Unavailable'), JSON_HEADERS],
  ])('on %i says GitHub failed and to re-run, after two retries', async (status, body, headers) => {
    const seen = answer(status, body, { headers });
    const error = await failure(readConfigAtRef(request()));
    expect(seen).toHaveLength(3);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`GitHub answered ${status}`);
    expect(error.message).toContain("a failure on GitHub's side");
    expect(error.message).toContain('re-run the job');
  });

  it('refuses a directory answer', async () => {
    answer(200, directoryBody());
    const error = await failure(readConfigAtRef(request()));
    expect(error.message).toContain('that path is a directory');
    expect(error.message).toContain('Set the `config` input to the YAML file itself');
  });

  it('refuses a symlink that does not lead to a file of the repository', async () => {
    answer(200, symlinkBody('/etc/secrets.yml'));
    const error = await failure(readConfigAtRef(request()));
    expect(error.message).toContain('that path is a symbolic link to "/etc/secrets.yml"');
  });

  it('refuses a submodule', async () => {
    answer(200, submoduleBody());
    expect((await failure(readConfigAtRef(request()))).message).toContain('that path is a git submodule');
  });

  it.each([
    ['a body that is not JSON', 'Bad gateway, try later', { 'content-type': 'text/plain' }, /not the documented JSON object \(a string of 22 characters\)/],
    ['JSON null', 'null', JSON_HEADERS, /not the documented JSON object \(null\)/],
    ['an unknown type', { ...fileBody(), type: 'blob' }, JSON_HEADERS, /has type "blob" where "file" was expected/],
    ['no content', { ...fileBody(), content: undefined }, JSON_HEADERS, /has no base64 content \(encoding "base64", content undefined\)/],
    ['an unknown encoding', { ...fileBody(), encoding: 'utf-8' }, JSON_HEADERS, /has no base64 content \(encoding "utf-8"/],
    ['content that is not base64', { ...fileBody(), content: 'version: 1\ntokens: []\n' }, JSON_HEADERS, /has no base64 content/],
    ['content that does not match its size', { ...fileBody(), size: 3 }, JSON_HEADERS, /garbled: its content decodes to \d+ bytes where its size says 3/],
    ['content that is not UTF-8', fileBody(Buffer.from([0xff, 0xfe, 0x00, 0x41])), JSON_HEADERS, /not UTF-8 text/],
  ])('refuses a malformed answer: %s', async (_, body, headers, message) => {
    answer(200, body, { headers });
    expect((await failure(readConfigAtRef(request()))).message).toMatch(message);
  });

  it('fetches a file over 1 MB (no content in the JSON) again with the raw media type', async () => {
    const big = `# ${'x'.repeat(64)}\n`.repeat(20_000) + CONFIG_TEXT;
    let rawAccept = '';
    mockAgent().get(API).intercept({ method: 'GET', path: CONTENTS, headers: (h) => !/raw/.test(String(h.accept)) }).reply(200, largeFileBody(big.length), { headers: JSON_HEADERS });
    mockAgent()
      .get(API)
      .intercept({
        method: 'GET',
        path: CONTENTS,
        headers: (h) => {
          rawAccept = String(h.accept);
          return /raw/.test(rawAccept);
        },
      })
      .reply(200, big, { headers: { 'content-type': 'application/vnd.github.raw; charset=utf-8' } });
    await expect(readConfigAtRef(request())).resolves.toEqual({ text: big });
    expect(rawAccept).toMatch(/^application\/vnd\.github(\.v3)?\.raw/);
  });

  it('also fetches raw after the older 403 too_large answer', async () => {
    // GitHub's answer to the default media type for a blob over 1 MB, before "encoding": "none".
    const tooLarge = {
      message: 'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
      errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
      documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
    };
    mockAgent().get(API).intercept({ method: 'GET', path: CONTENTS, headers: (h) => !/raw/.test(String(h.accept)) }).reply(403, tooLarge, { headers: JSON_HEADERS });
    mockAgent().get(API).intercept({ method: 'GET', path: CONTENTS, headers: (h) => /raw/.test(String(h.accept)) }).reply(200, Buffer.from(CONFIG_TEXT), { headers: { 'content-type': 'application/vnd.github.raw' } });
    await expect(readConfigAtRef(request())).resolves.toEqual({ text: CONFIG_TEXT });
  });

  it('says the API could not be reached on a network failure, with advice on proxies', async () => {
    mockAgent().get(API).intercept({ method: 'GET', path: CONTENTS }).replyWithError(new Error(`connect ECONNREFUSED 127.0.0.1:443 (${TOKEN})`)).persist();
    const error = await failure(readConfigAtRef(request()));
    expect(error.status).toBeUndefined();
    expect(error.message).toContain('the GitHub API at https://api.github.com could not be reached (');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).toContain('HTTPS_PROXY');
  });

  it('gives up after timeoutMs', async () => {
    mockAgent().get(API).intercept({ method: 'GET', path: CONTENTS }).reply(200, fileBody(), { headers: JSON_HEADERS }).delay(2_000);
    const error = await failure(readConfigAtRef(request({ timeoutMs: 100 })));
    expect(error.message).toContain('the GitHub API at https://api.github.com did not answer within 100 ms');
  });
});
