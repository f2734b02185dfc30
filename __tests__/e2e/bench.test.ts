// The benchmarks are a gate: `npm run bench` (bench/run.mjs) exits non-zero when a bound fails. The
// bounds are tightened here through their environment variables so that they fail whatever the
// machine's speed; nothing here depends on timing. The bundle measured is the fresh one of this run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runner.mjs';

function bench(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'run.mjs'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench', () => {
  it('reports start-up in milliseconds over bare Node, measured in the same run, and passes a bound it meets', async () => {
    const { code, stdout } = await bench(['startup'], { BENCH_STARTUP_RUNS: '1', BENCH_STARTUP_BOUND_MS: '1000000' });
    expect(stdout).toMatch(/^node -e ""\s+median\s+\d+ ms/m);
    expect(stdout).toMatch(/^PASS: start-up of the action takes \d+ ms more than bare Node \(bound 1000000 ms\)$/m);
    expect(stdout).toMatch(/^bench: PASS: every bound held$/m);
    expect(code).toBe(0);
  });

  it('exits 1 when the start-up bound fails', async () => {
    const { code, stdout } = await bench(['startup'], { BENCH_STARTUP_RUNS: '1', BENCH_STARTUP_BOUND_MS: '0' });
    expect(stdout).toMatch(/^FAIL: start-up of the action takes \d+ ms more than bare Node \(bound 0 ms\)$/m);
    expect(stdout).toMatch(/^bench: FAIL: startup\.mjs \(exit 1\)$/m);
    expect(code).toBe(1);
  });

  it('exits 1 when a concurrency bound fails', async () => {
    // 20 ms answers instead of 500 and one run of each: a few seconds.
    const env = { BENCH_RUNS: '1', BENCH_STARTUP_RUNS: '1', BENCH_DELAY_MS: '20', BENCH_OVERLAP_SLACK_MS: '-1000000' };
    const { code, stdout } = await bench(['concurrency'], env);
    expect(stdout).toMatch(/^PASS: the limit holds: at most \d of 8, \d+ of 20, 1 of 1 requests in flight$/m);
    expect(stdout).toMatch(/^FAIL: at concurrency 8 the 20 ms latency added -?\d+ ms \(bound 3 × 20 ms \+ -1000000 ms for scheduling = -999940 ms\)$/m);
    expect(stdout).toMatch(/^bench: FAIL: concurrency\.mjs \(exit 1\)$/m);
    expect(code).toBe(1);
  }, 60_000);

  it('measures the engine with many tokens side by side with the old redaction, and exits 1 past its bound', async () => {
    const { code, stdout } = await bench(['many-tokens'], { BENCH_MANY_TOKENS_COUNTS: '50,500', BENCH_MANY_TOKENS_BOUND_MS: '0' });
    expect(stdout).toMatch(/^500 tokens: \d+ ms — bound 0 ms; growth [\d.]+× for 10× the tokens — bound 15×$/m);
    expect(stdout).toMatch(/^side by side, the pre-v2 pairwise redaction of that one 500-token result alone: \d+ ms$/m);
    expect(stdout).toMatch(/^bench: FAIL: many-tokens\.mjs \(exit 1\)$/m);
    expect(code).toBe(1);
  }, 60_000);

  it('runs 40 tokens over every provider, side by side at concurrency 40, 8 and 1, and exits 1 past its bounds', async () => {
    const { code, stdout } = await bench(['providers'], { BENCH_DELAY_MS: '30', BENCH_PROVIDERS_RUNS: '1', BENCH_PROVIDERS_MARGIN: '0' });
    expect(stdout).toMatch(/^40 tokens over the \d+ built-in providers/m);
    expect(stdout).toMatch(/^ {2}concurrency 8: \d+ ms — bound ⌈40\/8⌉ × S/m);
    expect(stdout).toMatch(/^ {2}concurrency 1 \(reference\): \d+ ms$/m);
    expect(stdout).toMatch(/the slow provider adds \d+ ms/);
    expect(stdout).toMatch(/^bench: FAIL: providers\.mjs \(exit 1\)$/m);
    expect(code).toBe(1);
  });

  it('measures the scan: recall, false positives, MB/s beside secretlint, crafted slow lines, peak RSS; exits 1 past its bounds', async () => {
    const env = { BENCH_SCAN_MB: '2', BENCH_SCAN_SECRETLINT_MB: '0.5', BENCH_SCAN_RSS_MB: '2', BENCH_SCAN_BOUND_MBPS: '1000000' };
    const { code, stdout } = await bench(['scan'], env);
    expect(stdout).toMatch(/^recall: \d+ of \d+ labelled secrets found by their rule = [\d.]+ % — bound 98 %$/m);
    expect(stdout).toMatch(/^false positives: \d+ of \d+ labelled negative lines found = [\d.]+ % — bound 1 %/m);
    expect(stdout).toMatch(/^token-preflight: [\d.]+ MB diff .* = \d+ MB\/s — bound 1000000 MB\/s/m);
    expect(stdout).toMatch(/^secretlint [\d.]+ \(preset-recommend, its engine\), the same .* token-preflight's engine on those files: \d+ MB\/s .* = [\d.]+ × — bound 20 ×$/m);
    expect(stdout).toMatch(/^the CLIs on the same files, start-up included, best of 3: secretlint [\d.]+ s, token-preflight scan --diff [\d.]+ s \([\d.]+ ×\)$/m);
    expect(stdout).toMatch(/^the CLIs on a one-line change, best of 3: secretlint \d+ ms, token-preflight scan --diff \d+ ms/m);
    expect(stdout).toMatch(/^crafted slow lines: \d+ lines of up to 3990 characters from the rules' own examples, [\d.]+ MB in [\d.]+ s = \d+ MB\/s; the slowest \(built from [\w-]+\): [\d.]+ ms — bound 20 ms$/m);
    expect(stdout).toMatch(/^peak RSS scanning a \d+ MB diff: \d+ MB — bound 400 MB$/m);
    expect(stdout).toMatch(/^bench: FAIL: scan\.mjs \(exit 1\)$/m);
    expect(code).toBe(1);
  });

  it('exits 2 on an unknown benchmark', async () => {
    const { code, stderr } = await bench(['startpu'], {});
    expect(stderr).toBe('unknown benchmark startpu; there are: startup, concurrency, many-tokens, providers, scan\n');
    expect(code).toBe(2);
  });
});
