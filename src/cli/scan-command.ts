import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG } from '../action/inputs.js';
import { showValue } from '../config/echo.js';
import { loadConfig } from '../config/load.js';
import { addressesOf } from '../http/address.js';
import { closeQuietly, createDispatcher } from '../http/dispatcher.js';
import { LIMITS } from '../limits.js';
import { jsonReportText } from '../report/json.js';
import { sarifText } from '../report/sarif.js';
import { renderScanText } from '../report/scan-text.js';
import { runPreflight } from '../run/run.js';
import type { ScanInput } from '../run/scan-input.js';
import { RULE_IDS } from '../scan/rule-ids.js';
import { readForScan } from '../scan/scan.js';
import { GitError, gitDiff, topLevel } from '../scan/sources/git.js';
import { GITLEAKS_IGNORE_FILE, IGNORE_FILE, loadSuppressionFiles } from '../scan/suppress.js';
import { choice, count, UsageError, type CliIo } from './args.js';
import { progressShown, withProgress } from './progress.js';


/** What the leak scan could not read (a diff file, git): exit 2 with one line, no usage. */
export class ScanInputError extends Error {}

/**
 * `token-preflight scan`: the same engine as the action, its tokens' values looked for in what is
 * scanned but the tokens themselves not checked, and found secrets verified only with `--verify`.
 */
export async function scanCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      diff: { type: 'string' },
      staged: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      exclude: { type: 'string', multiple: true, default: [] },
      'disable-rules': { type: 'string', multiple: true, default: [] },
      verify: { type: 'boolean', default: false },
      config: { type: 'string' },
      'timeout-seconds': { type: 'string', default: '10' },
    },
    allowPositionals: true,
    strict: true,
  });
  const format = choice(values.format, '--format', ['text', 'json', 'sarif']);
  const sources = [values.diff !== undefined, values.staged, positionals.length > 0].filter(Boolean).length;
  if (sources !== 1) throw new UsageError(sources === 0 ? 'nothing to scan: give --diff FILE (- for stdin), --staged, or PATHs' : 'give one of --diff, --staged or PATHs, not several');
  const disableRules = ruleIds(values['disable-rules']);
  const timeoutMs = count(values['timeout-seconds'], '--timeout-seconds', LIMITS.timeoutSeconds) * 1000;
  try {
    const root = values.staged ? await topLevel({ cwd: io.cwd, env: io.env }) : io.cwd;
    const config = await loadConfig({ path: values.config ?? path.join(root, DEFAULT_CONFIG), pathExplicit: values.config !== undefined, cwd: io.cwd, expiryWarningDays: 14, knownRules: RULE_IDS });
    const suppression = await loadSuppressionFiles(root).catch((error: NodeJS.ErrnoException) => {
      throw new ScanInputError(`cannot read ${IGNORE_FILE} or ${GITLEAKS_IGNORE_FILE} in ${root}: ${error.code ?? error.message}`);
    });
    const input: ScanInput = values.staged
      ? { mode: 'diff', what: 'the staged change', diff: stagedDiff(root, io.env), notScanned: [] }
      : values.diff !== undefined
        ? { mode: 'diff', what: values.diff === '-' ? 'the diff on stdin' : values.diff, diff: await diffInput(values.diff, io), notScanned: [] }
        : { mode: 'full', what: positionals.join(', '), files: await existingPaths(positionals, io.cwd), cwd: io.cwd, notScanned: [] };
    if (input.diff && progressShown(io)) input.diff = withProgress(input.diff, io.stderr);
    const dispatcher = createDispatcher({ timeoutMs, env: io.env });
    const leakDispatcher = values.verify ? createDispatcher({ timeoutMs, env: io.env, guard: { allowedAddresses: addressesOf(config.allowedHosts) } }) : undefined;
    const result = await runPreflight(
      {
        tokens: config.tokens,
        checkTokens: false,
        timeoutMs,
        concurrency: 8,
        context: { surface: 'cli' },
        scan: {
          input,
          exclude: [...config.scan.exclude, ...values.exclude],
          disableRules: [...config.scan.disableRules, ...disableRules],
          suppression,
          verify: values.verify,
          allowedHosts: config.allowedHosts,
        },
      },
      { env: io.env, mask: () => {}, dispatcher, ...(leakDispatcher && { leakDispatcher }) },
    ).finally(() => Promise.all([closeQuietly(dispatcher), leakDispatcher && closeQuietly(leakDispatcher)]));
    io.stdout(format === 'json' ? jsonReportText(result) : format === 'sarif' ? sarifText(result.findings) : renderScanText(result));
    return result.findings.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ScanInputError) && !(error instanceof GitError)) throw error;
    io.stderr(`token-preflight: ${error.message.replace(/[\r\n]+/g, ' ').slice(0, 2_000)}\n`);
    return 2;
  }
}

/** `--disable-rules a,b --disable-rules c`: known rule ids only (a typo would silently scan). */
function ruleIds(lists: string[]): string[] {
  const ids = lists.flatMap((list) => list.split(',')).map((id) => id.trim()).filter((id) => id !== '');
  const unknown = ids.filter((id) => !RULE_IDS.includes(id));
  if (unknown.length) throw new UsageError(`--disable-rules: unknown rule ${unknown.map((id) => showValue(id)).join(', ')}; \`token-preflight rules\` lists them`);
  return ids;
}

/** `git diff --cached`, streamed; a failure of git fails the scan (no vacuous pass). */
async function* stagedDiff(root: string, env: NodeJS.ProcessEnv): AsyncGenerator<Uint8Array> {
  const child = gitDiff('staged', { cwd: root, env });
  for await (const chunk of child.stdout) yield chunk as Uint8Array;
  await child.done;
}

async function diffInput(file: string, io: CliIo): Promise<Readable> {
  if (file === '-') return io.stdin ?? process.stdin;
  const full = path.resolve(io.cwd, file);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    throw new ScanInputError(`cannot read the diff ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.code}`);
  });
  if (!info.isFile()) throw new ScanInputError(`cannot read the diff ${file}: not a file`);
  return readForScan(full);
}

async function existingPaths(paths: string[], cwd: string): Promise<string[]> {
  for (const given of paths) {
    await stat(path.resolve(cwd, given)).catch((error: NodeJS.ErrnoException) => {
      throw new ScanInputError(`cannot scan ${given}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.code}`);
    });
  }
  return paths;
}
