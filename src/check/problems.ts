export type Severity = 'error' | 'warning';

/** Every problem code of the public contract (docs/contract.md), with its fixed severity. */
export const PROBLEM_SEVERITY = {
  'missing-secret': 'error',
  invalid: 'error',
  revoked: 'error',
  expired: 'error',
  'expiring-soon': 'warning',
  'insufficient-scope': 'error',
  'excess-scope': 'warning',
  'scopes-unknown': 'warning',
  'identity-mismatch': 'error',
  'wrong-mode': 'error',
  'reused-across-environments': 'error',
  'previous-still-valid': 'error',
  'accepts-invalid': 'error',
  'rate-limited': 'warning',
  unreachable: 'error',
  'unexpected-response': 'error',
  slow: 'warning',
  'long-lived': 'warning',
  'nothing-checked': 'warning',
  'scan-incomplete': 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_SEVERITY;

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: string;
}

export function problem(code: ProblemCode, message: string): Problem {
  return { code, severity: PROBLEM_SEVERITY[code], message };
}

/** A failure that ends one provider call; the engine turns it into a problem of its token. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}
