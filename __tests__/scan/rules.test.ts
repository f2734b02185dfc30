import { describe, expect, it } from 'vitest';
import { PROVIDERS, providerIds } from '../../src/providers/registry.js';
import { createMatcher } from '../../src/scan/matcher.js';
import { RULES } from '../../src/scan/rules/index.js';
import type { AddedLine, Rule } from '../../src/scan/types.js';

// Every rule's own examples, run through the matcher with the WHOLE rule set: a positive must come
// out as exactly one finding of that rule (so another rule claiming the same secret shows up here),
// a negative as none of it.
const matcher = createMatcher(RULES);
const providers = new Set(providerIds());

/** An example as a hunk: a multi-line example (a PEM key) is consecutive added lines. */
function hunk(example: string): AddedLine[] {
  return example.split('\n').map((text, index) => ({ file: 'example.txt', line: index + 1, text }));
}

function findingsOf(rule: Rule, example: string) {
  return matcher.scan(hunk(example)).filter((match) => match.rule.id === rule.id);
}

function show(example: string): string {
  return example.length > 120 ? `${example.slice(0, 117)}…` : example;
}

describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it('finds exactly one secret in each positive example', () => {
    const wrong = rule.examples.positive
      .map((example) => ({ example: show(example), found: findingsOf(rule, example).length }))
      .filter(({ found }) => found !== 1);
    expect(wrong).toEqual([]);
  });

  it('is the only rule to find a secret in each positive example (a legacy or generic rule leaves it to this one)', () => {
    const others = rule.examples.positive
      .map((example) => ({ example: show(example), others: matcher.scan(hunk(example)).filter((match) => match.rule.id !== rule.id).map((match) => match.rule.id) }))
      .filter(({ others }) => others.length > 0);
    expect(others).toEqual([]);
  });

  it('finds nothing in each negative example', () => {
    const wrong = rule.examples.negative.map(show).filter((example, index) => findingsOf(rule, rule.examples.negative[index]!).length > 0);
    expect(wrong).toEqual([]);
  });

  it('has keywords in lower case, one of them in every positive match', () => {
    expect(rule.keywords.length).toBeGreaterThan(0);
    // One or two characters are in most lines of code: the prefilter would pass them all.
    expect(rule.keywords.filter((keyword) => keyword.length < 3)).toEqual([]);
    expect(rule.keywords.filter((keyword) => keyword !== keyword.toLowerCase())).toEqual([]);
    const plain = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, ''));
    const without = rule.examples.positive.filter((example) => {
      const match = plain.exec(example)?.[0].toLowerCase();
      return match === undefined || !rule.keywords.some((keyword) => match.includes(keyword.toLowerCase()));
    });
    expect(without.map(show)).toEqual([]);
  });

  it('is well-formed: pattern without g/y, a known provider, examples on both sides', () => {
    expect(rule.pattern.flags).not.toMatch(/[gy]/);
    if (rule.provider !== undefined) expect(providers.has(rule.provider), `provider ${rule.provider}`).toBe(true);
    expect(rule.description.trim()).not.toBe('');
    expect(rule.examples.positive.length).toBeGreaterThanOrEqual(2);
    expect(rule.examples.negative.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the rule set', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids.filter((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))).toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('has at least 250 rules, and one or more for every provider that verifies leaks', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(250);
    const covered = new Set(RULES.map((rule) => rule.provider));
    expect(PROVIDERS.filter((p) => p.can.verifiesLeaks && !covered.has(p.id)).map((p) => p.id)).toEqual([]);
  });
});
