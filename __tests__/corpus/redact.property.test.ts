import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, REDACTED, Redactor } from '../../src/run/redact.js';

const RUNS = Number(process.env.FC_RUNS ?? 1_000);
// More runs (FC_RUNS=20000) need more time than the suite's default.
const TIMEOUT = Math.max(20_000, RUNS * 10);
const WINDOW = MIN_SECRET_LENGTH;

// Secrets of any characters (control, quotes, spaces, non-ASCII, astral), except "*": the
// redaction marker is "***", and a secret holding it could be re-formed around a marker by the
// text beside it ("a***bcde" from "a" + marker + "bcde"), which no real token does.
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
).filter((c) => !c.includes('*'));
const secretArb = fc.array(char, { minLength: WINDOW, maxLength: 48 }).map((chars) => chars.join(''));
const filler = fc.string({ unit: 'binary', maxLength: 24 });

/** A text built of filler, whole secrets and slices of 8 or more characters of them. */
function textWith(secrets: string[]) {
  const piece = fc.oneof(
    filler,
    fc.constantFrom(...secrets),
    fc
      .tuple(fc.nat({ max: secrets.length - 1 }), fc.nat(), fc.nat())
      .map(([which, a, b]) => {
        const secret = secrets[which]!;
        const length = WINDOW + (b % (secret.length - WINDOW + 1));
        const start = a % (secret.length - length + 1);
        return secret.slice(start, start + length);
      }),
  );
  return fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
}

const windowsOf = (secret: string) => Array.from({ length: secret.length - WINDOW + 1 }, (_, i) => secret.slice(i, i + WINDOW));

describe('Redactor (property-based)', () => {
  it(`leaves no ${WINDOW}-character window of any secret in texts that embed secrets or slices of them (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.array(secretArb, { minLength: 1, maxLength: 4 }).chain((secrets) => fc.tuple(fc.constant(secrets), textWith(secrets))),
        ([secrets, text]) => {
          const redactor = new Redactor();
          for (const secret of secrets) redactor.add(secret);
          const out = redactor.redact(text);
          for (const secret of secrets) for (const window of windowsOf(secret)) expect(out.includes(window), `window ${JSON.stringify(window)} left in ${JSON.stringify(out)}`).toBe(false);
          // Something was redacted: every text here holds at least one window… unless only filler was drawn.
          if (secrets.some((secret) => windowsOf(secret).some((w) => text.includes(w)))) expect(out).toContain(REDACTED);
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`leaves a text with no secret material unchanged (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(secretArb, { minLength: 0, maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 200 }), (secrets, text) => {
        fc.pre(!secrets.some((secret) => windowsOf(secret).some((w) => text.includes(w))));
        const redactor = new Redactor();
        for (const secret of secrets) redactor.add(secret);
        expect(redactor.redact(text)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it(`leaves a text made of near-misses (secret slices of ${WINDOW - 1} characters, apart) unchanged (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        secretArb.chain((secret) =>
          fc.tuple(
            fc.constant(secret),
            fc.array(fc.nat({ max: secret.length - (WINDOW - 1) }).map((start) => secret.slice(start, start + WINDOW - 1)), { minLength: 1, maxLength: 6 }),
          ),
        ),
        ([secret, slices]) => {
          const text = slices.join('\u0001\u0002');
          fc.pre(!windowsOf(secret).some((w) => text.includes(w)));
          const redactor = new Redactor();
          redactor.add(secret);
          expect(redactor.redact(text)).toBe(text);
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
