import { describe, expect, it } from 'vitest';
import { fixedLiteral, literalPrefixes, requiredCharacters } from '../../src/scan/pattern-source.js';
import { RULES } from '../../src/scan/rules/index.js';

describe('literal prefixes (what a prefixed rule claims)', () => {
  it('are read from a pattern: literals, small classes, groups of literal alternatives', () => {
    expect(literalPrefixes(String.raw`(?<![\w-])(?<secret>ghp_[A-Za-z0-9]{36})(?![\w-])`)).toEqual(['ghp_']);
    expect(literalPrefixes(String.raw`\b(?<secret>[pr]k_(?:live|test)_[A-Za-z0-9]{24,99})`)).toEqual(['pk_live_', 'pk_test_', 'rk_live_', 'rk_test_']);
    expect(literalPrefixes(String.raw`(?<secret>xox[bp]-\d{10,13}-[A-Za-z0-9]{24})`)).toEqual(['xoxb-', 'xoxp-']);
    expect(literalPrefixes(String.raw`(?<secret>xoxe\.xox[bp]-1-[A-Z0-9]{100})`)).toEqual(['xoxe.xoxb-1-', 'xoxe.xoxp-1-']);
    expect(literalPrefixes(String.raw`\b(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})\b`)).toEqual(['AKIA', 'ASIA']);
    expect(literalPrefixes(String.raw`(?<secret>(?:foo|bar\d)x)`)).toEqual(['foo', 'bar']);
    // Up to what may be absent or is not literal.
    expect(literalPrefixes(String.raw`(?<secret>glpat-(?:[A-Za-z0-9_-]{20}|[A-Za-z0-9_-]{27,300}))`)).toEqual(['glpat-']);
    expect(literalPrefixes(String.raw`(?<secret>abc?d)`)).toEqual(['ab']);
    expect(literalPrefixes(String.raw`(?<secret>a+b)`)).toEqual(['a']);
    expect(literalPrefixes(String.raw`(?<secret>[a-f0-9]{32})`)).toEqual([]);
    expect(literalPrefixes(String.raw`(?<secret>[^\s]{8,})`)).toEqual([]);
    expect(literalPrefixes(String.raw`token=(?<secret>\w{20})`)).toEqual(['token=']);
  });
});

describe('a literal at a fixed distance into every match', () => {
  it('is read from a pattern that starts with elements of one width each', () => {
    expect(fixedLiteral(String.raw`(?<![\w-])[0-9a-f]{32}-us[0-9]{1,2}(?![\w-])`)).toEqual({ literal: '-us', offset: 32 });
    expect(fixedLiteral(String.raw`\b(?<secret>[A-Z]{2}\d{3}x\.yz)`)).toEqual({ literal: 'x.yz', offset: 5 });
    expect(fixedLiteral(String.raw`(?<![\w.-])sl\.[A-Za-z0-9_-]{130,1400}`)).toEqual({ literal: 'sl.', offset: 0 });
    expect(fixedLiteral(String.raw`[a-z]{2,4}-us`)).toBeUndefined(); // a width that varies before it
    expect(fixedLiteral(String.raw`[a-f]{8}(?:ab|cd)xyz`)).toBeUndefined();
    expect(fixedLiteral(String.raw`[a-f]{8}-us|other`)).toBeUndefined();
    expect(fixedLiteral(String.raw`[a-f]{8}-us`, 'u')).toBeUndefined(); // a class may take two code units
  });
});

describe('required characters', () => {
  it('are the literal punctuation of the sequence every match goes through', () => {
    expect(requiredCharacters(String.raw`https?:\/\/(?:[^\s:@/]{1,64}:)?(?<secret>[0-9a-f]{40})@(?:[\w-]{1,63}\.){0,3}github[\w-]{0,40}\.[a-z]{2,24}\b`).sort()).toEqual(['.', '/', ':', '@']);
    expect(requiredCharacters(String.raw`(?<=[a-z]{1,30}):\/\/(?<user>[^\s:@]{1,128}):(?!\k<user>@)(?<secret>[^\s:@]{3,256})@`).sort()).toEqual(['/', ':', '@']);
    // Escapes as characters; a group that must match is read into, `{2}` counts, a class does not.
    expect(requiredCharacters(String.raw`a\x60(?:b#){2}[%&]\u0021`).sort()).toEqual(['!', '#', '`']);
    // Letters and digits never: a pattern's flags may fold their case.
    expect(requiredCharacters('token=ab9')).toEqual(['=']);
  });

  it('leave out what a match may do without: optional, repeated from zero, alternatives, lookarounds', () => {
    expect(requiredCharacters('a=?b')).toEqual([]);
    expect(requiredCharacters('a=*b')).toEqual([]);
    expect(requiredCharacters('(?:x=)?y')).toEqual([]);
    expect(requiredCharacters('a=|b:')).toEqual([]);
    expect(requiredCharacters('(?:a=|b:)c@')).toEqual(['@']);
    expect(requiredCharacters('(?=.*#)x(?<!%)y')).toEqual([]);
    expect(requiredCharacters(String.raw`\bkey\s*[:=]\s*\d+`)).toEqual([]);
  });

  it('stop at a form the reader does not know, claiming nothing past it', () => {
    expect(requiredCharacters(String.raw`@\q#`)).toEqual(['@']);
    expect(requiredCharacters('[[a-z]--[q]]#', 'v')).toEqual([]); // nested classes: not read
  });

  it('are held by every positive example of every rule', () => {
    for (const rule of RULES) {
      const required = requiredCharacters(rule.pattern.source);
      for (const example of rule.examples.positive) {
        for (const char of required) expect(example.includes(char), `${rule.id}: ${char} in ${example}`).toBe(true);
      }
    }
  });
});
