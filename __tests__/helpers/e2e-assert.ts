// Assertions shared by the end-to-end suites: no token leaks, masking comes first, tokens go only
// to their provider's host.
import { expect } from 'vitest';
import { DEFAULT_SENTINEL, randomPartOf, type FakeGitHub } from './fake-github.mjs';
import type { TestProxy } from './proxy.mjs';

/** Every 8-character window of the token's 30 random characters. */
export function windowsOf(token: string, size = 8): string[] {
  const random = randomPartOf(token);
  return Array.from({ length: random.length - size + 1 }, (_, i) => random.slice(i, i + size));
}

/**
 * Neither a whole token nor any 8-character window of its random part appears in any of `texts`
 * (label → text). The sentinel the tokens start with is such a window, so it must be absent too.
 */
export function expectNoLeak(texts: Record<string, string>, tokens: readonly string[]): void {
  const leaks: string[] = [];
  for (const [label, text] of Object.entries(texts)) {
    for (const token of tokens) {
      if (text.includes(token)) {
        leaks.push(`${label}: the whole token ${token.slice(0, 4)}…`);
        continue;
      }
      // Every minted token shares the sentinel: show a window that is this token's own when there is one.
      const leaked = windowsOf(token).filter((w) => text.includes(w));
      const own = leaked.find((w) => !w.includes(DEFAULT_SENTINEL)) ?? leaked[0];
      if (own) leaks.push(`${label}: ${leaked.length} window(s) of ${token.slice(0, 4)}…, e.g. "${own}"`);
    }
  }
  expect(leaks, 'token material leaked').toEqual([]);
}

/** stdout without its `::add-mask::` lines, which are the one place a token may (must) appear. */
export function stdoutWithoutMasks(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/**
 * Each of `masked` is registered with `::add-mask::<token>` (whole, on its own line), and before the
 * first other line that says anything about the tokens: a workflow command (annotation, group, …) or a
 * line naming one of `mentions` (token names, variable names, hosts). Every add-mask line masks a
 * whole known token, nothing partial.
 */
export function expectMaskedFirst(stdout: string, masked: readonly string[], mentions: readonly string[], known: readonly string[]): void {
  const lines = stdout.split('\n');
  const firstMention = lines.findIndex(
    (line) => !line.startsWith('::add-mask::') && (line.startsWith('::') || mentions.some((m) => line.includes(m))),
  );
  for (const token of masked) {
    const at = lines.indexOf(`::add-mask::${token}`);
    expect(at, `::add-mask:: of ${token.slice(0, 4)}… printed`).toBeGreaterThanOrEqual(0);
    if (firstMention >= 0) expect(at, `::add-mask:: of ${token.slice(0, 4)}… before line ${firstMention}: ${lines[firstMention]}`).toBeLessThan(firstMention);
  }
  // A value read with surrounding white space is masked as read too (escaped as a workflow command).
  const wholes = known.flatMap((token) => [token, `${token}%0A`, `${token}%0D%0A`]);
  for (const line of lines.filter((l) => l.startsWith('::add-mask::'))) {
    expect(wholes, 'an add-mask line masks a whole known token').toContain(line.slice('::add-mask::'.length));
  }
}

/**
 * The fake GitHub received each token only under its expected host (Host header and TLS server name),
 * every token of `expected` at least once, no other token (e.g. the github-token input); the proxy
 * tunnelled only to those hosts on 443 and carried nothing in clear text.
 */
export function expectTraffic(github: FakeGitHub, proxy: TestProxy, expected: Record<string, string>): void {
  const seen = new Map<string, Set<string>>();
  for (const request of github.requests) {
    expect(request.token, `request ${request.method} ${request.path} carries a configured token`).toBeDefined();
    const token = request.token!;
    expect(Object.keys(expected), `a token the scenario does not send reached ${request.host}`).toContain(token);
    const where = seen.get(token) ?? new Set<string>();
    where.add(request.host);
    where.add(request.servername ?? '(no SNI)');
    seen.set(token, where);
  }
  for (const [token, host] of Object.entries(expected)) {
    expect([...(seen.get(token) ?? [])], `hosts that received ${token.slice(0, 4)}…`).toEqual([host]);
  }
  const hosts = [...new Set(Object.values(expected))].map((host) => `${host}:443`).sort();
  expect([...new Set(proxy.connects)].sort(), 'CONNECT targets').toEqual(hosts);
  expect(proxy.plainRequests, 'plain (non-CONNECT) proxy requests').toEqual([]);
}
