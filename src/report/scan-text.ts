import type { RunResult } from '../run/result.js';
import { safeLine } from '../sanitize.js';
import { plural } from './format.js';

/**
 * The leak scan as the CLI prints it: `file:line:column: rule (provider) fingerprint redacted
 * [verification]` per finding, what was not scanned, and one closing line of counts. Never a secret.
 */
export function renderScanText(result: RunResult): string {
  const lines = result.findings.map((f) => {
    const about = [f.provider, f.token !== undefined ? `token ${f.token}` : undefined].filter(Boolean).join(', ');
    const state = f.verification === 'live' ? ` LIVE${f.identity ? ` (${f.identity})` : ''}` : f.verification === 'inactive' ? ' inactive' : '';
    const revoked = f.revocation ? ` revocation ${f.revocation.status}` : '';
    return `${f.file}:${f.line}:${f.column}: ${f.rule}${about ? ` (${about})` : ''} ${f.fingerprint} ${f.redacted}${state}${revoked}`;
  });
  const scan = result.scan;
  for (const { file, reason } of scan?.notScanned ?? []) lines.push(`${file}: not scanned: ${reason}`);
  for (const p of result.problems) lines.push(`${p.severity}: ${p.code}: ${p.message}`);
  if (scan) {
    const by = Object.entries(scan.suppressedBy ?? {}).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
    const verified = result.findings.filter((f) => f.verification !== 'unverified');
    const live = verified.filter((f) => f.verification === 'live').length;
    const summary = [
      `${result.findings.length === 0 ? 'no findings' : plural(result.findings.length, 'finding')} in ${plural(scan.files, 'file')}, ${plural(scan.addedLines, scan.mode === 'full' ? 'line' : 'added line')} scanned`,
      verified.length > 0 && `${live} live, ${verified.length - live} inactive`,
      scan.suppressed > 0 && `${scan.suppressed} suppressed (${by.join(', ')})`,
      scan.excluded > 0 && `${plural(scan.excluded, 'path')} excluded`,
      scan.notScanned.length > 0 && `${scan.notScanned.length} not scanned`,
    ].filter(Boolean);
    lines.push(`token-preflight scan: ${summary.join('; ')}`);
  }
  return lines.map((line) => `${safeLine(line, 4_000)}\n`).join('');
}
