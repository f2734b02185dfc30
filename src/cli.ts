import { parseArgs } from 'node:util';
import { gateFails, type FailOn } from './check/status.js';
import { ConfigError, loadConfig } from './config/load.js';
import { DEFAULT_CONFIG } from './action/inputs.js';
import { closeQuietly, createDispatcher } from './http/dispatcher.js';
import { PROVIDERS } from './providers/registry.js';
import { jsonReportText } from './report/json.js';
import { renderText } from './report/text.js';
import { runPreflight } from './run/run.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const USAGE = `token-preflight ${VERSION}: check API tokens against their providers.

Usage:
  token-preflight check [--config FILE] [--format text|json] [--fail-on error|warning|never]
                        [--timeout-seconds N] [--concurrency N] [--expiry-warning-days N]
  token-preflight providers [--format text|json]
  token-preflight --version | --help

Tokens are read from the environment variables the config names.
Exit status: 0 nothing wrong, 1 problems found, 2 usage or configuration error.
`;

class UsageError extends Error {}

/** The CLI: argv → run request → engine → text or JSON. Returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'providers':
        return providers(rest, io);
      case 'scan':
      case 'rules':
        io.stderr(`token-preflight: "${command}" is not in this release yet; it arrives with the leak scan.\n`);
        return 2;
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`token-preflight: configuration error${error.issues.length === 1 ? '' : 's'}:\n${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`token-preflight: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'error' },
      'timeout-seconds': { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '8' },
      'expiry-warning-days': { type: 'string', default: '14' },
    },
    strict: true,
  });
  const format = choice(values.format, '--format', ['text', 'json']);
  const failOn = choice(values['fail-on'], '--fail-on', ['error', 'warning', 'never']) as FailOn;
  const timeoutMs = count(values['timeout-seconds'], '--timeout-seconds', 1) * 1000;
  const concurrency = count(values.concurrency, '--concurrency', 1);
  const expiryWarningDays = count(values['expiry-warning-days'], '--expiry-warning-days', 0);
  const config = await loadConfig({ path: values.config ?? DEFAULT_CONFIG, pathExplicit: true, cwd: io.cwd, expiryWarningDays });
  const dispatcher = createDispatcher(concurrency);
  const result = await runPreflight(
    { tokens: config.tokens, timeoutMs, concurrency, context: { surface: 'cli' } },
    { env: io.env, mask: () => {}, dispatcher },
  ).finally(() => closeQuietly(dispatcher));
  io.stdout(format === 'json' ? jsonReportText(result) : renderText(result));
  return gateFails(result.verdict, failOn) ? 1 : 0;
}

function providers(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } }, strict: true });
  const format = choice(values.format, '--format', ['text', 'json']);
  const list = PROVIDERS.map((p) => ({ id: p.id, hosts: [...p.defaultHosts], ...p.can }));
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ providers: list }, null, 2)}\n`);
    return 0;
  }
  const tells = (p: (typeof list)[number]) =>
    (['identity', 'scopes', 'expiry', 'mode'] as const).filter((k) => p[k]).join(', ') || 'validity only';
  for (const p of list) io.stdout(`${p.id.padEnd(12)} ${p.hosts.join(', ').padEnd(24)} tells: ${tells(p)}${p.verifiesLeaks ? '; verifies leaks' : ''}\n`);
  return 0;
}

function choice(value: string | undefined, flag: string, allowed: string[]): string {
  if (value !== undefined && allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
}

function count(value: string | undefined, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}
