import { describe, expect, it } from 'vitest';
import { unquote } from '../../../src/scan/diff.js';
import { RULES } from '../../../src/scan/rules/index.js';
import { scanDiff } from '../../../src/scan/scan.js';
import { patchesToDiff, quotePath, type ChangedFile } from '../../../src/scan/sources/patches.js';
import { githubToken } from '../../providers/github-fixtures.js';

const TOKEN = githubToken('ghp_', 'Zq8Yw3Vx6Ut1Sr4Qp7On0Ml3Kj6Ih9G');

// Entries shaped as `GET /repos/{owner}/{repo}/pulls/{n}/files` documents them
// (https://docs.github.com/en/rest/pulls/pulls#list-pull-requests-files), patches trimmed.
const FILES: ChangedFile[] = [
  { filename: 'src/app.ts', status: 'modified', changes: 2, patch: `@@ -10,2 +10,3 @@ export function main() {\n   const a = 1;\n+  const token = "${TOKEN}";\n   return a;` },
  { filename: 'docs/old.md', status: 'removed', changes: 4, patch: '@@ -1,4 +0,0 @@\n-a\n-b\n-c\n-d' },
  { filename: 'assets/logo.png', status: 'added', changes: 0 },
  { filename: 'data/huge.json', status: 'added', changes: 90000 },
  { filename: 'lib/new name.ts', previous_filename: 'lib/old name.ts', status: 'renamed', changes: 1, patch: `@@ -1 +1,2 @@\n x\n+${TOKEN}` },
  { filename: 'moved.ts', previous_filename: 'was.ts', status: 'renamed', changes: 0 },
];

describe('patchesToDiff: the REST API files as one diff for the reader', () => {
  it('finds what the patches add, at the new file line and column, and nothing in removed files', async () => {
    const { diff, withoutPatch } = patchesToDiff(FILES);
    const { findings, stats } = await scanDiff(diff.join(''), { rules: RULES });
    expect(findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`)).toEqual(['github-pat src/app.ts:11:18', 'github-pat lib/new name.ts:2:1']);
    expect(stats).toMatchObject({ files: 2, addedLines: 2 });
    expect(withoutPatch.map((f) => f.filename)).toEqual(['assets/logo.png', 'data/huge.json']);
  });

  it('a patch without a trailing newline, or ending in "\\ No newline at end of file", reads whole', async () => {
    const { diff } = patchesToDiff([{ filename: 'a.env', status: 'added', patch: `@@ -0,0 +1,2 @@\n+A=1\n+T=${TOKEN}\n\\ No newline at end of file` }]);
    const { findings } = await scanDiff(diff.join(''), { rules: RULES });
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['a.env:2']);
  });

  it.each(['plain/path.ts', 'with space.ts', 'tab\there.ts', 'new\nline.ts', 'quote"d.ts', 'back\\slash.ts', 'ümlaut/日本.ts'])('a file named %j keeps its name', async (name) => {
    const { diff } = patchesToDiff([{ filename: name, status: 'added', patch: `@@ -0,0 +1 @@\n+${TOKEN}` }]);
    const { findings } = await scanDiff(diff.join(''), { rules: RULES });
    expect(findings.map((f) => f.file)).toEqual([name]);
  });

  it('quotePath is what unquote reads back', () => {
    for (const name of ['b/x', 'b/ä "q" \\ \t \n \x01 \x7f']) expect(unquote(quotePath(name))).toBe(name);
    expect(quotePath('b/plain name.ts')).toBe('b/plain name.ts');
  });
});
