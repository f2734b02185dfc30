import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
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
import { RULES } from './scan/rules/index.js';
import { CONFIGURED_SECRET, CONFIGURED_SECRET_DESCRIPTION, scanDiff, scanFiles, type ScanFinding, type ScanOptions, type ScanResult } from './scan/scan.js';
import { GITLEAKS_IGNORE_FILE, IGNORE_FILE, loadSuppressionFiles } from './scan/suppress.js';
import { oneLine, safeLine } from './sanitize.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What `scan --diff -` reads (default: the process's stdin). */
  stdin?: Readable;
}

const USAGE = `token-preflight ${VERSION}: check API tokens against their providers.

Usage:
  token-preflight check [--config FILE] [--format text|json] [--fail-on error|warning|never]
                        [--timeout-seconds N] [--concurrency N] [--expiry-warning-days N]
  token-preflight providers [--format text|json]
  token-preflight scan [--diff FILE|-] [--staged] [PATH ...] [--format text|json|sarif]
                       [--exclude GLOB] [--disable-rules IDS]
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
  --verify                    ping each found secret's provider (not available yet)
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
        return await scan(rest, io);
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

/** What the leak scan could not read (a diff file, git): exit 2 with one line, no usage. */
class ScanInputError extends Error {}

async function scan(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      diff: { type: 'string' },
      staged: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      exclude: { type: 'string', multiple: true, default: [] },
      'disable-rules': { type: 'string', multiple: true, default: [] },
      verify: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const format = choice(values.format, '--format', ['text', 'json', 'sarif']);
  const sources = [values.diff !== undefined, values.staged, positionals.length > 0].filter(Boolean).length;
  if (sources !== 1) throw new UsageError(sources === 0 ? 'nothing to scan: give --diff FILE (- for stdin), --staged, or PATHs' : 'give one of --diff, --staged or PATHs, not several');
  if (values.verify) {
    io.stderr('token-preflight: --verify is not available yet: found secrets are reported unverified; run without --verify.\n');
    return 2;
  }
  const disableRules = ruleIds(values['disable-rules']);
  try {
    const root = values.staged ? await gitTopLevel(io) : io.cwd;
    const suppression = await loadSuppressionFiles(root).catch((error: NodeJS.ErrnoException) => {
      throw new ScanInputError(`cannot read ${IGNORE_FILE} or ${GITLEAKS_IGNORE_FILE} in ${root}: ${error.code ?? error.message}`);
    });
    const options: ScanOptions = { rules: RULES, exclude: values.exclude, disableRules, ...suppression };
    const result = values.staged
      ? await scanStaged(root, options, io)
      : values.diff !== undefined
        ? await scanDiff(await diffInput(values.diff, io), options)
        : await scanFiles(await existingPaths(positionals, io.cwd), { ...options, cwd: io.cwd });
    const mode = positionals.length > 0 ? 'files' : 'diff';
    io.stdout(format === 'json' ? scanJsonText(result, mode) : format === 'sarif' ? sarifText(result.findings) : scanText(result, mode));
    return result.findings.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ScanInputError)) throw error;
    io.stderr(`token-preflight: ${oneLine(error.message, 2_000)}\n`);
    return 2;
  }
}

/** `--disable-rules a,b --disable-rules c`: known rule ids only (a typo would silently scan). */
function ruleIds(lists: string[]): string[] {
  const known = new Set([...RULES.map((rule) => rule.id), CONFIGURED_SECRET]);
  const ids = lists.flatMap((list) => list.split(',')).map((id) => id.trim()).filter((id) => id !== '');
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`--disable-rules: unknown rule ${unknown.map((id) => showValue(id)).join(', ')}; \`token-preflight rules\` lists them`);
  return ids;
}

async function diffInput(file: string, io: CliIo): Promise<Readable> {
  if (file === '-') return io.stdin ?? process.stdin;
  const full = path.resolve(io.cwd, file);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    throw new ScanInputError(`cannot read the diff ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code}`);
  });
  if (!info.isFile()) throw new ScanInputError(`cannot read the diff ${file}: not a file`);
  return createReadStream(full);
}

async function existingPaths(paths: string[], cwd: string): Promise<string[]> {
  for (const given of paths) {
    await stat(path.resolve(cwd, given)).catch((error: NodeJS.ErrnoException) => {
      throw new ScanInputError(`cannot scan ${given}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.code}`);
    });
  }
  return paths;
}

/**
 * Git, run so that nothing of the repository's own config runs a program or renames paths: no
 * external diff or textconv driver, no fsmonitor hook, fixed a/ b/ prefixes, no colour.
 */
function git(args: string[], cwd: string, io: CliIo) {
  return spawn('git', ['-c', 'core.fsmonitor=false', ...args], { cwd, env: io.env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs git to its end: its exit, and the start of what it wrote to stderr. */
function finished(child: ReturnType<typeof git>, what: string): Promise<void> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 2_000) stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new ScanInputError(`cannot run git (${what}): ${error.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new ScanInputError(`${what} failed: ${stderr.trim() || `exit status ${code}`}`))));
  });
}

async function gitTopLevel(io: CliIo): Promise<string> {
  const child = git(['rev-parse', '--show-toplevel'], io.cwd, io);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  await finished(child, 'git rev-parse --show-toplevel');
  return out.trim();
}

/** `git diff --cached`, streamed into the scan; a failure of git fails the scan (no vacuous pass). */
async function scanStaged(root: string, options: ScanOptions, io: CliIo): Promise<ScanResult> {
  const child = git(['diff', '--cached', '--no-color', '-U0', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'], root, io);
  const [result] = await Promise.all([scanDiff(child.stdout, options), finished(child, 'git diff --cached')]);
  return result;
}

/** A finding as the report shows it: never its secret or parts. */
function findingJson(f: ScanFinding) {
  return {
    rule: f.rule,
    provider: f.provider,
    token: f.token,
    file: f.file,
    line: f.line,
    column: f.column,
    fingerprint: f.fingerprint,
    verification: f.verification,
    verificationReason: f.verificationReason,
    severity: f.severity,
    redacted: f.redacted,
  };
}

function scanJsonText({ findings, stats }: ScanResult, mode: 'diff' | 'files'): string {
  const scanned = { mode, files: stats.files, addedLines: stats.addedLines, suppressed: stats.suppressed, suppressedBy: stats.suppressedBy, excluded: stats.excluded, notScanned: stats.notScanned };
  return `${JSON.stringify({ findings: findings.map(findingJson), scan: scanned }, null, 2)}\n`;
}

function scanText({ findings, stats }: ScanResult, mode: 'diff' | 'files'): string {
  const lines = findings.map((f) => {
    const about = [f.provider, f.token !== undefined ? `token ${f.token}` : undefined].filter(Boolean).join(', ');
    return `${f.file}:${f.line}:${f.column}: ${f.rule}${about ? ` (${about})` : ''} ${f.fingerprint} ${f.redacted}`;
  });
  for (const { file, reason } of stats.notScanned) lines.push(`${file}: not scanned: ${reason}`);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const by = Object.entries(stats.suppressedBy).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
  const summary = [
    `${findings.length === 0 ? 'no findings' : plural(findings.length, 'finding')} in ${plural(stats.files, 'file')}, ${plural(stats.addedLines, mode === 'files' ? 'line' : 'added line')} scanned`,
    stats.suppressed > 0 && `${stats.suppressed} suppressed (${by.join(', ')})`,
    stats.excluded > 0 && `${plural(stats.excluded, 'path')} excluded`,
    stats.notScanned.length > 0 && `${stats.notScanned.length} not scanned`,
  ].filter(Boolean);
  lines.push(`token-preflight scan: ${summary.join('; ')}`);
  return lines.map((line) => `${safeLine(line, 4_000)}\n`).join('');
}

/** SARIF 2.1.0 (the subset GitHub code scanning reads): each finding at its file, line and column. */
function sarifText(findings: readonly ScanFinding[]): string {
  const ids = [...new Set(findings.map((f) => f.rule))];
  const description = (id: string) => (id === CONFIGURED_SECRET ? CONFIGURED_SECRET_DESCRIPTION : (RULES.find((rule) => rule.id === id)?.description ?? id));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'token-preflight',
            version: VERSION,
            rules: ids.map((id) => ({ id, shortDescription: { text: description(id) }, defaultConfiguration: { level: 'error' }, properties: { tags: ['security', 'secret'] } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ids.indexOf(f.rule),
          level: f.severity,
          message: { text: `Hard-coded secret (${f.token !== undefined ? `the value of configured token ${f.token}` : f.redacted}), ${f.verification}. Fingerprint: ${f.fingerprint}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }, region: { startLine: f.line, startColumn: f.column } } }],
          partialFingerprints: { 'tokenPreflight/v1': f.fingerprint },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
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

function choice(value: string | undefined, flag: string, allowed: string[]): string {
  if (value !== undefined && allowed.includes(value)) return value;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got ${showValue(value)}`);
}

function count(value: string | undefined, flag: string, range: Range): number {
  const n = wholeNumber(value ?? '', range);
  if (n === undefined) throw new UsageError(`${flag} must be a whole number from ${range.min} to ${range.max}, written in digits, got ${showValue(value)}`);
  return n;
}
