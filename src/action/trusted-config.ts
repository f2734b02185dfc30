// On `pull_request_target` the job has the repository's secrets while the pull request's author
// controls the checked-out files: a PR that edits the config (say, a token's `base-url`) would be
// handed the token. So on that event the config is read from the base commit through the GitHub
// API, never from the workspace. Nothing here reads the workspace.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import { oneLine } from '../sanitize.js';
import { apiBase, gitHubClient, githubMessage, hasResponse, rateLimited, statusOf } from './github-api.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the trusted config lives: a commit of the base repository. */
export interface TrustedConfigSource {
  owner: string;
  repo: string;
  /** The base commit's SHA (`pull_request.base.sha`). */
  ref: string;
}

export interface ReadConfigRequest extends TrustedConfigSource {
  /** The config file, relative to the repository root (the `config` input). */
  path: string;
  /** The `github-token` input. Sent to `apiUrl` only; never part of a message. */
  token: string;
  /** GITHUB_API_URL (`https://ghe.example.com/api/v3` on GHES); https://api.github.com when unset. */
  apiUrl?: string;
  /** The whole read, raw-media retry included, gives up after this long. Default 30 s. */
  timeoutMs?: number;
  /**
   * Tests only: a fetch for Octokit, or an undici dispatcher (a MockAgent) for undici's fetch.
   * Without either, @actions/github's own proxy-aware fetch is used (HTTPS_PROXY, NO_PROXY).
   */
  request?: { fetch?: typeof globalThis.fetch };
  dispatcher?: Dispatcher;
  /** Tests only: the base of the retry back-off. */
  retryBaseMs?: number;
}

export type TrustedConfig = { text: string } | { absent: true };

/**
 * A trusted read that failed. The message says what failed, why the workspace was not used, and
 * what to do; it is one line, never holds the token, and reads well after "token-preflight: ".
 */
export class TrustedConfigError extends Error {
  override name = 'TrustedConfigError';
  /** GitHub's HTTP status, when it answered with one. */
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

const WHY =
  'On pull_request_target the config is read from the base branch through the GitHub API and never from the ' +
  "workspace, on purpose: the pull request's author controls the checked-out files while this job has secrets.";
const DEFAULT_TIMEOUT_MS = 30_000;
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i;
const NAME = /^[\w.-]+$/;

/**
 * The base commit to read the config from, when the event calls for it: `pull_request_target`.
 * Undefined for any other event (the workspace is then read as usual). On `pull_request_target`
 * it never answers undefined: a payload it cannot read is an error, not a fall-back to the workspace.
 */
export function configReadFromBase(env: Env): TrustedConfigSource | undefined {
  if (env.GITHUB_EVENT_NAME !== 'pull_request_target') return undefined;
  const fail = (what: string) =>
    new TrustedConfigError(`cannot tell which commit to read the config from: ${what}. ${WHY} This is not expected on a GitHub runner; re-run the job.`);
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || rest.length || !NAME.test(owner) || !NAME.test(repo)) {
    throw fail(`GITHUB_REPOSITORY is ${env.GITHUB_REPOSITORY ? `"${oneLine(env.GITHUB_REPOSITORY, 100)}", not owner/repo` : 'not set'}`);
  }
  if (!env.GITHUB_EVENT_PATH) throw fail('GITHUB_EVENT_PATH is not set');
  let payload: { pull_request?: { base?: { sha?: unknown } } } | null;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof payload;
  } catch (error) {
    throw fail(`the event payload (GITHUB_EVENT_PATH) could not be read: ${oneLine((error as Error).message, 200)}`);
  }
  const sha = payload?.pull_request?.base?.sha;
  if (typeof sha !== 'string' || !SHA.test(sha)) throw fail('the event payload has no pull_request.base.sha');
  return { owner, repo, ref: sha };
}

/**
 * The config file at `ref`, through the GitHub API (`repos.getContent`): `{ text }`, or
 * `{ absent: true }` when GitHub answers 404 for the path. Anything else throws a TrustedConfigError.
 */
export async function readConfigAtRef(request: ReadConfigRequest): Promise<TrustedConfig> {
  const { owner, repo, ref, token } = request;
  const apiUrl = apiBase(request.apiUrl);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const file = repositoryPath(request.path);
  if (!token) {
    throw new TrustedConfigError(
      `cannot read the config ${file} from the base branch: the \`github-token\` input is empty. ${WHY} Leave \`github-token\` at its default (\`\${{ github.token }}\`) or pass a token that can read this repository's contents.`,
    );
  }
  const scrub = (text: string) => oneLine(token ? text.split(token).join('***') : text, 300);
  const where = `${file} at ${ref.slice(0, 12)} of ${owner}/${repo}`;
  const fail = (what: string, todo: string, status?: number) =>
    new TrustedConfigError(`could not read the config ${where}: ${what}. ${WHY} ${todo}`, status);

  const octokit = await gitHubClient({ token, apiUrl, request: request.request, dispatcher: request.dispatcher, ...(request.retryBaseMs !== undefined && { retryBaseMs: request.retryBaseMs }) });
  const signal = AbortSignal.timeout(timeoutMs);
  const get = (raw: boolean) =>
    octokit.rest.repos.getContent({ owner, repo, path: file, ref, request: { signal }, ...(raw && { mediaType: { format: 'raw' } }) });

  let data: unknown;
  try {
    data = (await get(false)).data;
  } catch (error) {
    if (tooLarge(error)) return decodeRaw(await getRaw());
    if (statusOf(error) === 404 && !/no commit found/i.test(githubMessage(error))) return { absent: true };
    throw explain(error);
  }

  if (Array.isArray(data)) throw fail('that path is a directory', 'Set the `config` input to the YAML file itself.');
  if (!data || typeof data !== 'object') throw fail(`GitHub's answer is not the documented JSON object (${describe(data)})`, 'Re-run the job; if it happens again, report it.');
  const entry = data as { type?: unknown; encoding?: unknown; content?: unknown; size?: unknown; target?: unknown };
  if (entry.type === 'symlink') {
    const target = typeof entry.target === 'string' ? ` to "${scrub(entry.target)}"` : '';
    throw fail(`that path is a symbolic link${target} that does not lead to a file in the repository`, 'Set the `config` input to the file itself.');
  }
  if (entry.type === 'submodule') throw fail('that path is a git submodule', 'Set the `config` input to a YAML file of this repository.');
  if (entry.type !== 'file') throw fail(`GitHub's answer has type ${describe(entry.type)} where "file" was expected`, 'Re-run the job; if it happens again, report it.');
  // Files over 1 MB come without content ("encoding": "none"); the raw media type has them.
  if (entry.encoding === 'none' || (entry.content === '' && typeof entry.size === 'number' && entry.size > 0)) return decodeRaw(await getRaw());
  if (entry.encoding !== 'base64' || typeof entry.content !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(entry.content)) {
    throw fail(`GitHub's answer has no base64 content (encoding ${describe(entry.encoding)}, content ${describe(entry.content)})`, 'Re-run the job; if it happens again, report it.');
  }
  const bytes = Buffer.from(entry.content, 'base64');
  if (typeof entry.size === 'number' && bytes.length !== entry.size) {
    throw fail(`GitHub's answer is garbled: its content decodes to ${bytes.length} bytes where its size says ${entry.size}`, 'Re-run the job; if it happens again, report it.');
  }
  return { text: utf8(bytes) };

  async function getRaw(): Promise<unknown> {
    try {
      return (await get(true)).data;
    } catch (error) {
      throw explain(error);
    }
  }

  function decodeRaw(body: unknown): TrustedConfig {
    if (typeof body === 'string') return { text: body };
    if (body instanceof ArrayBuffer) return { text: utf8(new Uint8Array(body)) };
    if (body instanceof Uint8Array) return { text: utf8(body) };
    throw fail(`GitHub's raw answer for a file over 1 MB is not the file (${describe(body)})`, 'Keep the config under 1 MB, or re-run the job.');
  }

  function utf8(bytes: Uint8Array): string {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw fail('the file is not UTF-8 text', 'Point the `config` input at the YAML file, saved as UTF-8.');
    }
  }

  function explain(error: unknown): TrustedConfigError {
    const status = statusOf(error);
    const said = githubMessage(error);
    const answered = (code: number) => `GitHub answered ${code}${said ? ` (${scrub(said)})` : ''}`;
    if (signal.aborted) return fail(`the GitHub API at ${apiUrl} did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`, 'Re-run the job; behind a proxy, check HTTPS_PROXY and NO_PROXY.');
    if (status === undefined || !hasResponse(error)) {
      const cause = error instanceof Error ? scrub(error.message) : 'unknown error';
      return fail(
        `the GitHub API at ${apiUrl} could not be reached (${cause})`,
        "Check the runner's network; behind a proxy set HTTPS_PROXY (and NO_PROXY), and NODE_EXTRA_CA_CERTS for a proxy that inspects TLS.",
      );
    }
    if (status === 401) return fail(`the github-token was rejected: ${answered(status)}`, 'Pass a valid token in the `github-token` input (the default, `${{ github.token }}`, works).', status);
    if ((status === 403 || status === 429) && rateLimited(error)) {
      return fail(`the GitHub API rate limit was reached: ${answered(status)}`, 'Re-run the job once the limit resets.', status);
    }
    if (status === 403) {
      return fail(`the github-token cannot read contents: ${answered(status)}`, 'Add `permissions: contents: read` to the job (or to the workflow), or pass a token that can read this repository in `github-token`.', status);
    }
    if (status === 404) {
      return fail(`GitHub does not know the base commit: ${answered(status)}`, 'Re-run the job; if the base branch was force-pushed, push to the pull request so that its base is refreshed.', status);
    }
    if (status >= 500) return fail(`${answered(status)}, a failure on GitHub's side`, 'This is usually brief: re-run the job.', status);
    return fail(answered(status), 'Check the `config` input and the `github-token` permissions, then re-run the job.', status);
  }
}

/** The config input as a path inside the repository: `./a/b.yml` → `a/b.yml`. */
function repositoryPath(input: string): string {
  const normal = path.posix.normalize(input.replace(/\\/g, '/'));
  if (!input.trim() || path.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../') || normal === '.') {
    throw new TrustedConfigError(
      `cannot read the config "${oneLine(input, 200)}" from the base branch: on pull_request_target the \`config\` input must be a file path inside the repository (like .github/token-preflight.yml). ${WHY}`,
    );
  }
  return normal;
}

/** GitHub's "too large" answer of the default media type for a file over 1 MB. */
function tooLarge(error: unknown): boolean {
  if (statusOf(error) !== 403) return false;
  const errors = ((error as { response?: { data?: unknown } }).response?.data as { errors?: Array<{ code?: unknown }> } | undefined)?.errors;
  return Array.isArray(errors) && errors.some((e) => e?.code === 'too_large');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return /^[\w.+-]{0,20}$/.test(value) ? JSON.stringify(value) : `a string of ${value.length} characters`;
  return typeof value;
}
