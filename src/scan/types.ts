/**
 * The leak scan's shared shapes: rules as data, the lines a change adds, and what a rule matched.
 * Rules live in `rules/` (one file per vendor or kind), each with its own examples that the tests run.
 */

/** One detection rule. `pattern` finds candidates; everything else narrows them. */
export interface Rule {
  /** kebab-case, stable: used in findings, `disable-rules`, fingerprints (`github-pat`, `aws-access-key`). */
  id: string;
  /** The token-preflight provider that can verify what it finds (src/providers/registry.ts), if any. */
  provider?: string;
  /** One line for `token-preflight rules`: what it finds. */
  description: string;
  /**
   * Lower-case literals, at least one of which a line must contain (case-insensitively) before the
   * pattern runs: the prefilter that makes the scan fast. Every match of `pattern` contains one.
   */
  keywords: readonly string[];
  /**
   * The candidate, with the secret in the named group `secret` (else the whole match). Flags: no
   * `g`/`y` (the matcher adds what it needs). Written to run in linear time (no nested quantifiers).
   */
  pattern: RegExp;
  /** Shannon entropy (bits per character) the secret must reach: gates generic assignments. */
  entropy?: number;
  /** An offline check the secret must pass (a CRC-32 checksum, a structure): false drops the candidate. */
  validate?: (secret: string) => boolean;
  /**
   * A check of what stands before the secret on its line (the line up to the secret's end): true
   * drops the candidate. Run after a match, never inside the pattern, so it costs nothing on the
   * lines that do not match (a generic rule stays quiet on a value a vendor's rule knows by its name).
   */
  quietAfter?: (lineUpToSecretEnd: string) => boolean;
  /**
   * More parts of the credential to capture near the match for verification (an AWS secret access
   * key beside its key id): named groups of `pattern`, by credential part id.
   */
  parts?: Readonly<Record<string, string>>;
  /** Lines (as they would be added) that must yield exactly one finding, and lines that must yield none. */
  examples: { positive: readonly string[]; negative: readonly string[] };
}

/** A line a change adds: its file, its 1-based line number in the new file, its text. */
export interface AddedLine {
  file: string;
  line: number;
  text: string;
}

/** What a rule matched on an added line, before suppression and verification. Holds the secret: never output it. */
export interface RuleMatch {
  rule: Rule;
  file: string;
  line: number;
  /** 1-based column of the secret's first character. */
  column: number;
  secret: string;
  /** Credential parts captured with it (rule.parts), by part id. */
  parts?: Record<string, string>;
}
