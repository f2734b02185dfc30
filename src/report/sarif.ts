import type { Finding } from '../run/result.js';
import { RULES } from '../scan/rules/index.js';
import { CONFIGURED_SECRET, CONFIGURED_SECRET_DESCRIPTION } from '../scan/scan.js';
import { VERSION } from '../version.js';

const HELP =
  'A secret written into the repository is readable by everyone who can read the repository, its forks and its history. ' +
  'Revoke or rotate it at its provider first (removing the line does not un-leak it), then move it to a secret store ' +
  '(GitHub Actions secrets, a vault) and read it from the environment. If it is not a secret (a test fixture, a documented ' +
  'sample), add the finding\'s fingerprint to .token-preflight-ignore, or the marker token-preflight:allow on its line.';

function describe(id: string): string {
  return id === CONFIGURED_SECRET ? CONFIGURED_SECRET_DESCRIPTION : (RULES.find((rule) => rule.id === id)?.description ?? id);
}

/**
 * SARIF 2.1.0 of the leak findings, as GitHub code scanning reads it: one rule per rule id with its
 * help, each finding at its file, line and column, its fingerprint as `partialFingerprints` (so an
 * alert stays one alert across runs), and a security severity (code scanning ranks by it).
 * https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
export function toSarif(findings: readonly Finding[]) {
  const ids = [...new Set(findings.map((f) => f.rule))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0' as const,
    runs: [
      {
        tool: {
          driver: {
            name: 'token-preflight',
            version: VERSION,
            rules: ids.map((id) => ({
              id,
              name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: describe(id) },
              fullDescription: { text: `${describe(id)}, written into a scanned file.` },
              help: { text: HELP, markdown: HELP.replace(/\.token-preflight-ignore|token-preflight:allow/g, (m) => `\`${m}\``) },
              defaultConfiguration: { level: 'error' as const },
              properties: { tags: ['security', 'secret', 'external/cwe/cwe-798'], 'security-severity': '9.0', precision: id.startsWith('generic-') ? 'medium' : 'high' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits' as const,
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ids.indexOf(f.rule),
          level: f.severity,
          message: { text: message(f) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          partialFingerprints: { 'tokenPreflight/v1': f.fingerprint },
          properties: { verification: f.verification, ...(f.verificationReason !== undefined && { verificationReason: f.verificationReason }), ...(f.revocation && { revocation: f.revocation.status }) },
        })),
      },
    ],
  };
}

export function sarifText(findings: readonly Finding[]): string {
  return `${JSON.stringify(toSarif(findings), null, 2)}\n`;
}

function message(f: Finding): string {
  const what = f.token !== undefined ? `the value of configured token ${f.token}` : `${describe(f.rule)} (${f.redacted})`;
  const state = f.verification === 'live' ? `LIVE: its provider accepts it${f.identity ? ` (${f.identity})` : ''}` : f.verification === 'inactive' ? 'inactive: its provider refuses it' : `unverified${f.verificationReason ? `: ${f.verificationReason}` : ''}`;
  return `Hard-coded secret: ${what}; ${state}. Fingerprint ${f.fingerprint}.`;
}
