import type { RunResult } from '../run/result.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const MORE_TITLE = 'token-preflight: more problems';

/** GitHub shows at most 10 annotations of each level per step; the rest are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface AnnotationOptions {
  /**
   * The step will fail: core.setFailed adds an error annotation of its own, which GitHub would
   * drop silently as an 11th, so one error place is kept free for it.
   */
  stepFails?: boolean;
}

/**
 * One annotation per leak finding on its exact line and column, per token with problems on the
 * config line that declares it, per run problem. GitHub keeps only 10 of a level, so the most
 * important come first: live leaks, then the run's and the tokens' errors, then unverified leaks;
 * inactive leaks after the tokens' warnings.
 */
export function toAnnotations(result: RunResult, options: AnnotationOptions = {}): Annotation[] {
  return capPerLevel(allAnnotations(result), options.stepFails === true);
}

/** Every annotation of a run, most important first, uncapped (a check run takes all of them). */
export function allAnnotations(result: RunResult): Annotation[] {
  const findings = result.findings.map(findingAnnotation);
  const live = findings.filter((_, i) => result.findings[i]!.verification === 'live');
  const unverified = findings.filter((_, i) => result.findings[i]!.verification === 'unverified');
  const inactive = findings.filter((_, i) => result.findings[i]!.verification === 'inactive');
  const all: Annotation[] = [...live];
  all.push(...result.problems.map((p): Annotation => ({
    level: p.severity === 'error' ? 'error' : 'warning',
    title: `token-preflight: ${p.code}`,
    message: p.message,
  })));
  for (const token of result.tokens) {
    if (token.problems.length === 0) continue;
    all.push({
      level: token.status === 'fail' ? 'error' : 'warning',
      title: `token-preflight: ${token.name} (${token.status})`,
      message: token.problems.map((p) => `${p.code}: ${p.message}`).join('\n'),
      file: token.source.file,
      line: token.source.line,
    });
  }
  all.push(...unverified, ...inactive);
  const skipped = result.tokens.filter((token) => token.status === 'skipped');
  if (skipped.length) {
    all.push({
      level: 'notice',
      title: `token-preflight: ${skipped.length} token${skipped.length === 1 ? '' : 's'} skipped`,
      message: skipped.map((token) => `${token.name}: ${token.skipReason ?? 'skipped'}`).join('\n'),
    });
  }
  return all;
}

/** The step would lose some: more of a level than GitHub shows per step. */
export function overflows(all: readonly Annotation[], stepFails: boolean): boolean {
  return capPerLevel([...all], stepFails).some((a) => a.title === MORE_TITLE);
}

function findingAnnotation(f: RunResult['findings'][number]): Annotation {
  const state = f.verification === 'live' ? 'LIVE' : f.verification;
  const what = f.token !== undefined ? `the value of configured token ${f.token}` : `a ${f.provider ?? 'secret'} credential (${f.redacted})`;
  const radius = f.verification === 'live' && (f.identity || f.scopes?.length) ? ` It belongs to ${f.identity ?? 'an unnamed account'}${f.scopes?.length ? ` with scopes ${f.scopes.join(', ')}` : ''}.` : '';
  const advice =
    f.revocation?.status === 'submitted'
      ? "It was submitted to GitHub's credential revocation API; replace it where it is used, then remove it."
      : f.verification === 'inactive'
        ? 'Its provider refuses it; remove it anyway.'
        : `Revoke or rotate it at its provider, then remove it.${f.revocation ? ` (Automatic revocation failed: ${f.revocation.message}.)` : ''}`;
  return {
    level: f.severity,
    title: `token-preflight: ${f.rule} (${state})`,
    message: `Hard-coded secret: ${what}.${radius} ${advice}${f.verificationReason && f.verification !== 'live' ? ` (${f.verificationReason})` : ''} Not a secret? Add ${f.fingerprint} to .token-preflight-ignore.`,
    file: f.file,
    line: f.line,
    column: f.column,
  };
}

function capPerLevel(all: Annotation[], stepFails: boolean): Annotation[] {
  const kept: Annotation[] = [];
  const dropped = { error: 0, warning: 0, notice: 0 };
  // Notices keep one place for the "more problems" notice; errors one for setFailed's own.
  const room = { error: ANNOTATIONS_PER_LEVEL - (stepFails ? 1 : 0), warning: ANNOTATIONS_PER_LEVEL, notice: ANNOTATIONS_PER_LEVEL - 1 };
  for (const annotation of all) {
    if (kept.filter((a) => a.level === annotation.level).length < room[annotation.level]) kept.push(annotation);
    else dropped[annotation.level]++;
  }
  const lost = dropped.error + dropped.warning + dropped.notice;
  if (lost > 0) {
    kept.push({
      level: 'notice',
      title: MORE_TITLE,
      message: `${lost} more annotation${lost === 1 ? '' : 's'} not shown (${[dropped.error && `${dropped.error} error${dropped.error === 1 ? '' : 's'}`, dropped.warning && `${dropped.warning} warning${dropped.warning === 1 ? '' : 's'}`, dropped.notice && `${dropped.notice} notice${dropped.notice === 1 ? '' : 's'}`].filter(Boolean).join(', ')}; GitHub shows 10 per level per step): every one is in the job summary and the JSON report`,
    });
  }
  return kept;
}
