/**
 * The files of a pull request or a comparison as GitHub's REST API lists them (`pulls/{n}/files`,
 * `compare/{base}...{head}`), turned into one git-style unified diff for the scan's diff reader.
 * GitHub leaves `patch` out of a file it finds too large (or binary): those are handed back, for
 * local git to fill in or for the report's `notScanned`.
 * https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files
 */

/** One entry of `pulls/{n}/files` or of a comparison's `files`, as much as the scan reads. */
export interface ChangedFile {
  filename: string;
  /** `added`, `removed`, `modified`, `renamed`, `copied`, `changed`, `unchanged`. */
  status: string;
  previous_filename?: string;
  /** The unified diff's hunks of the file, without its headers; absent when GitHub sent none. */
  patch?: string;
  changes?: number;
}

export interface PatchSplit {
  /** A git-style diff of every file that came with a patch. */
  diff: string[];
  /** Files that came without a patch (too large, or binary). */
  withoutPatch: ChangedFile[];
}

/** The diff text of the files with a patch (one string each), and the files without one. */
export function patchesToDiff(files: readonly ChangedFile[]): PatchSplit {
  const diff: string[] = [];
  const withoutPatch: ChangedFile[] = [];
  for (const file of files) {
    // A removed file adds nothing; an unchanged one (a rename at 100 %) neither.
    if (file.status === 'removed' || file.status === 'unchanged') continue;
    if (typeof file.patch !== 'string') {
      // A rename without a change has nothing to add.
      if (!(file.status === 'renamed' && file.changes === 0)) withoutPatch.push(file);
      continue;
    }
    const from = quotePath(`a/${file.previous_filename ?? file.filename}`);
    const to = quotePath(`b/${file.filename}`);
    const patch = file.patch.endsWith('\n') ? file.patch : `${file.patch}\n`;
    diff.push(`diff --git ${from} ${to}\n--- ${from}\n+++ ${to}\n${patch}`);
  }
  return { diff, withoutPatch };
}

/**
 * A path as git writes it in a diff header: as it is, or, when it holds a quote, a backslash, a
 * control or a non-ASCII character, C-quoted with octal escapes of its UTF-8 bytes (what the diff
 * reader's `unquote` reads back). A tab or a newline in a name then cannot end the header early.
 */
export function quotePath(path: string): string {
  if (![...path].some((c) => c < ' ' || c > '~' || c === '"' || c === '\\')) return path;
  let quoted = '';
  for (const byte of Buffer.from(path, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) quoted += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x09) quoted += '\\t';
    else if (byte === 0x0a) quoted += '\\n';
    else if (byte < 0x20 || byte >= 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += String.fromCharCode(byte);
  }
  return `"${quoted}"`;
}
