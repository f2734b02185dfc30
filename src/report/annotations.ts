import type { RunResult } from '../run/result.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
}

/** GitHub shows at most 10 annotations of each level per step; the rest are dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface AnnotationOptions {
  /**
   * The step will fail: core.setFailed adds an error annotation of its own, which GitHub would
   * drop silently as an 11th, so one error place is kept free for it.
   */
  stepFails?: boolean;
}

/** One annotation per token with problems, on the config line that declares it; run problems first. */
export function toAnnotations(result: RunResult, options: AnnotationOptions = {}): Annotation[] {
  const all: Annotation[] = result.problems.map((p) => ({
    level: p.severity === 'error' ? 'error' : 'warning',
    title: `token-preflight: ${p.code}`,
    message: p.message,
  }));
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
  const skipped = result.tokens.filter((token) => token.status === 'skipped');
  if (skipped.length) {
    all.push({
      level: 'notice',
      title: `token-preflight: ${skipped.length} token${skipped.length === 1 ? '' : 's'} skipped`,
      message: skipped.map((token) => `${token.name}: ${token.skipReason ?? 'skipped'}`).join('\n'),
    });
  }
  return capPerLevel(all, options.stepFails === true);
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
      title: 'token-preflight: more problems',
      message: `${lost} more annotation${lost === 1 ? '' : 's'} not shown (GitHub shows 10 per level per step): see the job summary or the JSON report`,
    });
  }
  return kept;
}
