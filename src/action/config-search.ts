import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigSearch } from '../check/nothing-checked.js';

const LOOKALIKE = /^\.?token[-_. ]?preflight.*\.(ya?ml|json)$/i;

/**
 * What the workspace says about a run with no tokens: the config files that look misnamed
 * (`.github/token-preflight.yaml`, `token_preflight.yml` at the root, …) and whether the
 * workspace is empty (no actions/checkout).
 */
export async function searchConfig(cwd: string, configPath: string, found: boolean, alternative: string): Promise<ConfigSearch> {
  const list = async (dir: string) => readdir(path.join(cwd, dir)).catch(() => [] as string[]);
  const [root, github] = await Promise.all([list('.'), list('.github')]);
  const wanted = path.normalize(configPath);
  const nearMisses = [...root.map((name) => name), ...github.map((name) => `.github/${name}`)]
    .filter((file) => LOOKALIKE.test(path.basename(file)) && path.normalize(file) !== wanted)
    .sort();
  return { path: configPath, found, nearMisses, workspaceEmpty: root.length === 0, alternative };
}
