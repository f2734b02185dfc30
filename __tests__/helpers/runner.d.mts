// Types of runner.mjs (plain ESM so that `node bench/*.mjs` can import it too).

export declare const ROOT: string;
/** Where the bundles are: TOKEN_PREFLIGHT_BUNDLE_DIR (relative to ROOT), else dist/. */
export declare const BUNDLE_DIR: string;
/** `BUNDLE_DIR/index.js`, the action. */
export declare const ACTION_BUNDLE: string;
/** `BUNDLE_DIR/cli.js`, the CLI. */
export declare const CLI_BUNDLE: string;
/** The default config path, relative to the workspace. */
export declare const CONFIG_PATH: string;

export declare function inputVariable(name: string): string;
/** Every action.yml input as the runner sets it (defaults, then `inputs`); expressions from `expressions`. */
export declare function actionInputEnv(inputs?: Record<string, string>, expressions?: Record<string, string>): Record<string, string>;

export interface SandboxOptions {
  /** Text of `.github/token-preflight.yml` in the workspace; absent: no config file. */
  config?: string;
  /** GITHUB_EVENT_NAME, default `push`. */
  eventName?: string;
  /** The payload at GITHUB_EVENT_PATH; default a push to `repository`. */
  event?: unknown;
  /** GITHUB_REPOSITORY, default `acme/app`. */
  repository?: string;
}

export interface RunnerSandbox {
  root: string;
  workspace: string;
  runnerTemp: string;
  outputFile: string;
  summaryFile: string;
  eventFile: string;
  /** The runner's own variables (GITHUB_*, RUNNER_*), pointing into the sandbox. */
  env: Record<string, string>;
  readOutputs(): Promise<Record<string, string>>;
  readSummary(): Promise<string>;
  readAllFiles(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

export declare function createRunnerSandbox(options?: SandboxOptions): Promise<RunnerSandbox>;
export declare function pushEvent(repository: string): unknown;
export interface PullRequestPayload {
  action: string;
  number: number;
  pull_request: { number: number; head: { ref: string; sha: string; repo: { full_name: string; fork: boolean } }; base: { ref: string; sha: string; repo: { full_name: string } } };
  repository: { full_name: string; name: string; owner: { login: string } };
}
export declare function pullRequestEvent(repository: string, headRepository: string): PullRequestPayload;

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  durationMs: number;
}

/** Spawns `process.execPath args` with exactly `env`. */
export declare function runNode(args: string[], options?: { env?: Record<string, string>; cwd?: string; timeoutMs?: number }): Promise<ProcessResult>;

export declare function parseOutputFile(text: string): Record<string, string>;

export interface WorkflowCommand {
  /** Line number (0-based) in stdout. */
  index: number;
  command: string;
  properties: Record<string, string>;
  message: string;
  raw: string;
}

export declare function parseWorkflowCommands(stdout: string): WorkflowCommand[];
