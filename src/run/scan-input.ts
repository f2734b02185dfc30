import type { NotScanned } from '../scan/diff.js';
import type { SuppressionFiles } from '../scan/suppress.js';

/** What the leak scan reads, as the action or the CLI found it: a diff stream, or whole files. */
export interface ScanInput {
  /** `diff`: the added lines of a change; `full`: every line of the files. */
  mode: 'diff' | 'full';
  /** What was read, in a few words for the summary: "pull request #12 (8 files, GitHub API)". */
  what: string;
  diff?: AsyncIterable<string | Uint8Array>;
  /** For `full`: files relative to `cwd`. */
  files?: string[];
  cwd?: string;
  /** The commit whose lines these are (a PR's head, a push's `after`), for links to them. */
  commit?: string;
  /** What could not be read, and why; more may be added while the diff streams. */
  notScanned: NotScanned[];
}

/** The scan part of a run request. */
export interface ScanRequest {
  input: ScanInput;
  /** `scan.exclude`: path globs never scanned. */
  exclude: readonly string[];
  /** `scan.disable-rules`. */
  disableRules: readonly string[];
  suppression: SuppressionFiles;
  /** `verify-leaks`: ask each finding's provider whether it is live. */
  verify: boolean;
  /** `allowed-hosts`. */
  allowedHosts: readonly string[];
  /** `revoke-leaks`: submit each live GitHub token found to GitHub's credential revocation API. */
  revoke?: boolean;
}
