import type { Rule } from './types.js';

/**
 * A rule's pattern as the matcher runs it: global (every match), with indices (where the secret is).
 * Whatever else runs a rule's pattern (reading its examples) uses the same flags: V8 compiles a
 * pattern once per source and flags, so they share one compiled pattern (a generic rule's takes
 * milliseconds to compile). Start each search at `lastIndex`: `firstMatch` from the start.
 */
export function scanPattern(rule: Rule): RegExp {
  return new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gyd]/g, '')}gd`);
}

/** The first match of a `scanPattern` in `text`. */
export function firstMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}
