import type { RunResult } from '../run/result.js';
import { earliestExpiry, headline } from './headline.js';

/** The step outputs of the public contract (docs/contract.md). */
export function toOutputs(result: RunResult, reportPath: string): Record<string, string> {
  const names = (predicate: (token: RunResult['tokens'][number]) => boolean) =>
    result.tokens.filter(predicate).map((token) => token.name).join(',');
  return {
    result: result.verdict,
    report: reportPath,
    'failed-tokens': names((token) => token.status === 'fail'),
    'expiring-tokens': names((token) => token.problems.some((p) => p.code === 'expiring-soon')),
    findings: String(result.findings.length),
    'live-findings': String(result.findings.filter((finding) => finding.verification === 'live').length),
    'earliest-expiry': earliestExpiry(result.tokens),
    headline: headline(result),
  };
}
