import { parseArgs } from 'node:util';
import { gateFails, type FailOn } from './check/status.js';
import { ConfigError, loadConfig } from './config/load.js';
import { DEFAULT_CONFIG } from './action/inputs.js';
import { LIMITS, wholeNumber, type Range } from './limits.js';
import { closeQuietly, createDispatcher, SettingsError } from './http/dispatcher.js';
import { providerCatalog } from './providers/catalog.js';
import { showValue } from './config/echo.js';
import { jsonReportText } from './report/json.js';
import { renderText } from './report/text.js';
import { runPreflight } from './run/run.js';
import { oneLine, safeLine } from './sanitize.js';
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
  token-preflight scan | rules          (arrive with the leak scan)
  token-preflight <command> --help
  token-preflight --version | --help

Tokens are read from the environment variables the config names.
Exit status: 0 nothing wrong, 1 problems found, 2 usage or configuration error.
`;

/** `token-preflight <command> --help` (and `help <command>`): each command's own usage. */
const COMMAND_USAGE: Record<string, string> = {
  check: `Usage: token-preflight check [options]

Checks every token of the config file against its provider and prints a report.

Options:
  --config FILE               config file (default: ${DEFAULT_CONFIG})
  --format text|json          report format (default: text)
  --fail-on error|warning|never
                              what makes the exit status 1 (default: error)
  --timeout-seconds N         budget of each provider call, 1–600: connect, proxy, TLS,
                              answer, retries (default: 10)
  --concurrency N             checks in flight at once, 1–64 (default: 8)
  --expiry-warning-days N     an expiry nearer than this is expiring-soon, 0–3650 (default: 14)
  -h, --help                  show this help

Tokens are read from the environment variables the config names.
Exit status: 0 nothing wrong, 1 problems found, 2 usage or configuration error.
`,
  providers: `Usage: token-preflight providers [options]

Lists the providers, their API hosts and what each can tell about a token.

Options:
  --format text|json          output format (default: text)
  -h, --help                  show this help
`,
  scan: `Usage: token-preflight scan

The leak scan of added lines. Not in this release yet: it arrives with the leak scan.
`,
  rules: `Usage: token-preflight rules

Lists the leak-scan rules. Not in this release yet: it arrives with the leak scan.
`,
};

/** The usage of one command, or undefined for a name that is not a command. */
function commandUsage(command: string | undefined): string | undefined {
  return command !== undefined && Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined;
}

/** `--help` or `-h` among a command's arguments (before a `--` that ends the options). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

class UsageError extends Error {}

/** The CLI: argv → run request → engine → text or JSON. Returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    const usage = commandUsage(command);
    if (usage !== undefined && asksForHelp(rest)) {
      io.stdout(usage);
      return 0;
    }
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
      case 'help': {
        const topic = rest[0];
        const help = topic === undefined ? USAGE : commandUsage(topic);
        if (help === undefined) throw new UsageError(`unknown command "${topic}"`);
        io.stdout(help);
        return 0;
      }
      case undefined:
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    // Config text and arguments reach stderr, which CI runners scan for workflow commands: every
    // line is one line of printable text that does not start with `::` (as the action's annotations
    // are escaped by @actions/core).
    if (error instanceof ConfigError) {
      const lines = error.issues.map((issue) => safeLine(`${issue.where}: ${issue.key ? `${issue.key}: ` : ''}${issue.message}`, 2_000));
      io.stderr(`token-preflight: configuration error${error.issues.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`);
      return 2;
    }
    // A setting of the environment (a garbled HTTPS_PROXY) is not the command line's fault: one line.
    if (error instanceof SettingsError) {
      io.stderr(`token-preflight: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`token-preflight: ${oneLine((error as Error).message)}\n\n${commandUsage(argv[0]) ?? USAGE}`);
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
  const timeoutMs = count(values['timeout-seconds'], '--timeout-seconds', LIMITS.timeoutSeconds) * 1000;
  const concurrency = count(values.concurrency, '--concurrency', LIMITS.concurrency);
  const expiryWarningDays = count(values['expiry-warning-days'], '--expiry-warning-days', LIMITS.expiryWarningDays);
  const path = values.config ?? DEFAULT_CONFIG;
  const config = await loadConfig({ path, pathExplicit: true, cwd: io.cwd, expiryWarningDays });
  const dispatcher = createDispatcher({ timeoutMs, env: io.env });
  const result = await runPreflight(
    {
      tokens: config.tokens,
      timeoutMs,
      concurrency,
      context: { surface: 'cli' },
      configSearch: { path, found: true, nearMisses: [], alternative: 'the config file' },
    },
    { env: io.env, mask: () => {}, dispatcher },
  ).finally(() => closeQuietly(dispatcher));
  io.stdout(format === 'json' ? jsonReportText(result) : renderText(result));
  return gateFails(result.verdict, failOn) ? 1 : 0;
}

function providers(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } }, strict: true });
  const format = choice(values.format, '--format', ['text', 'json']);
  const list = providerCatalog();
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ providers: list }, null, 2)}\n`);
    return 0;
  }
  const tells = (p: (typeof list)[number]) =>
    (['identity', 'scopes', 'expiry', 'mode'] as const).filter((k) => p[k]).join(', ') || 'validity only';
  for (const p of list) {
    const hosts = p.hosts.join(', ') || `(${(p.hostsFrom ?? 'set by its keys').replace(/`/g, '')})`;
    const parts = p.parts.length > 1 ? `; secret parts: ${p.parts.map((part) => part.id).join(', ')}` : '';
    io.stdout(`${p.id.padEnd(10)} ${hosts.padEnd(20)} tells: ${tells(p)}${p.verifiesLeaks ? '; verifies leaks' : ''}${parts}\n`);
  }
  return 0;
}

function choice(value: string | undefined, flag: string, allowed: string[]): string {
  if (value !== undefined && allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${showValue(value)}`);
}

function count(value: string | undefined, flag: string, range: Range): number {
  const n = wholeNumber(value ?? '', range);
  if (n === undefined) throw new UsageError(`${flag} must be a whole number from ${range.min} to ${range.max}, written in digits, got ${showValue(value)}`);
  return n;
}
