import { problem, type Problem } from './problems.js';

/** What the entry point learnt while looking for a config, to explain an empty run. */
export interface ConfigSearch {
  /** The config path that was looked for. */
  path: string;
  /** The config file was found (it may list no tokens). */
  found: boolean;
  /** Files that look like a misnamed config (`.github/token-preflight.yaml`, …). */
  nearMisses: string[];
  /** The workspace holds no files at all: the repository was not checked out. */
  workspaceEmpty?: boolean;
  /** Where the tokens can be given besides the file: `the tokens input`, `--config`. */
  alternative: string;
}

/**
 * `nothing-checked`: no token was configured and nothing was scanned. A warning, not a pass, so a
 * forgotten checkout or a misnamed file does not show green; it names what was looked for and the
 * likely cause.
 */
export function nothingChecked(search: ConfigSearch): Problem {
  let cause: string;
  if (search.workspaceEmpty) {
    cause = `the workspace is empty, so ${search.path} could not be found: run actions/checkout before this step`;
  } else if (search.found) {
    cause = `${search.path} lists no tokens: add them under "tokens:"`;
  } else if (search.nearMisses.length) {
    const [first] = search.nearMisses;
    cause = `there is no ${search.path}, but there is ${search.nearMisses.join(', ')}: rename it to ${search.path}, or point the config at it (config: ${first})`;
  } else {
    cause = `there is no ${search.path}: create it, or list tokens in ${search.alternative}`;
  }
  return problem('nothing-checked', `nothing was checked: no tokens are configured and no leak scan ran; ${cause}`);
}
