import { parseArgs } from 'node:util';
import { gateFails, type FailOn } from './check/status.js';
import { ConfigError, loadConfig } from './config/load.js';
import { DEFAULT_CONFIG } from './action/inputs.js';
import { choice, count, UsageError, type CliIo } from './cli/args.js';
import { scanCommand } from './cli/scan-command.js';
import { LIMITS } from './limits.js';
import { closeQuietly, createDispatcher, SettingsError } from './http/dispatcher.js';
import { providerCatalog } from './providers/catalog.js';
import { jsonReportText } from './report/json.js';
import { renderText } from './report/text.js';
import { runPreflight } from './run/run.js';
import { RULES } from './scan/rules/index.js';
import { CONFIGURED_SECRET, CONFIGURED_SECRET_DESCRIPTION } from './scan/scan.js';
import { GITLEAKS_IGNORE_FILE, IGNORE_FILE } from './scan/suppress.js';
import { oneLine, safeLine } from './sanitize.js';
import { VERSION } from './version.js';

export type { CliIo } from './cli/args.js';

const USAGE = `token-preflight ${VERSION}: check API tokens against their providers.

Usage:
  token-preflight check [--config FILE] [--format text|json] [--fail-on error|warning|never]
                        [--timeout-seconds N] [--concurrency N] [--expiry-warning-days N]
  token-preflight providers [--format text|json]
  token-preflight scan [--diff FILE|-] [--staged] [PATH ...] [--format text|json|sarif]
                       [--exclude GLOB] [--disable-rules IDS] [--verify] [--config FILE]
  token-preflight rules [--format text|json]
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
  scan: `Usage: token-preflight scan [options] [PATH ...]

Looks for hard-coded secrets in the lines a change adds, or in whole files, and prints each
finding as file:line:column: rule (provider) fingerprint redacted. Found secrets never appear in
the output: only a preview of their first characters.

What to scan (one of):
  --diff FILE|-               a unified diff (git diff, git log -p, diff -u) from a file or stdin:
                              only its added lines
  --staged                    the staged change: git diff --cached in the current directory
  PATH ...                    files and directories: every line (.git and links inside skipped)

Options:
  --format text|json|sarif    output format (default: text); sarif: SARIF 2.1.0 for code scanning
  --exclude GLOB              paths never scanned (**, *, ?, {a,b}); repeatable
  --disable-rules IDS         rule ids to switch off, comma-separated; repeatable
  --verify                    ask each found secret's provider whether it is live (only to its
                              own API hosts; never for a pre-commit hook that must stay offline)
  --config FILE               the config (default: ${DEFAULT_CONFIG} at the repository root, if
                              present): its scan.exclude, scan.disable-rules and allowed-hosts, and
                              its tokens' values (from their variables) are looked for, never printed
  --timeout-seconds N         budget of each verification call, 1–600 (default: 10)
  -h, --help                  show this help

Suppression: a line holding token-preflight:allow (or gitleaks:allow, pragma: allowlist secret,
trufflehog:ignore); a fingerprint listed in ${IGNORE_FILE} (one a line, # comments); an entry
of ${GITLEAKS_IGNORE_FILE} (file:rule:line). Both files are read from the repository root (the
current directory, or the top of the work tree for --staged). Suppressed findings are counted.
Exit status: 0 no findings, 1 findings, 2 usage error or nothing could be read.
`,
  rules: `Usage: token-preflight rules [options]

Lists the rules of the leak scan: id, the provider that can verify what it finds, description.

Options:
  --format text|json          output format (default: text)
  -h, --help                  show this help
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
        return await scanCommand(rest, io);
      case 'rules':
        return rules(rest, io);
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

function rules(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'text' } }, strict: true });
  const format = choice(values.format, '--format', ['text', 'json']);
  const list = [...RULES.map(({ id, provider, description }) => ({ id, provider, description })), { id: CONFIGURED_SECRET, provider: undefined, description: CONFIGURED_SECRET_DESCRIPTION }];
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ rules: list }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...list.map((r) => r.id.length));
  const providerWidth = Math.max(...list.map((r) => (r.provider ?? '-').length));
  for (const r of list) io.stdout(`${r.id.padEnd(width)}  ${(r.provider ?? '-').padEnd(providerWidth)}  ${r.description}\n`);
  return 0;
}
