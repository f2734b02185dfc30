import { describe, expect, it } from 'vitest';
import { noCommand, oneLine, safeLine } from '../src/sanitize.js';

describe('oneLine', () => {
  it.each([
    ['a line break', 'a\nb', 'a b'],
    ['CR LF', 'a\r\nb', 'a b'],
    ['a lone CR (overwrites the line on a terminal)', 'safe\rEVIL', 'safe EVIL'],
    ['ESC sequences', 'a\u001b[31mred\u001b[0m', 'a [31mred [0m'],
    ['an OSC title sequence ended by BEL', '\u001b]0;owned\u0007x', ']0;owned x'],
    ['C1 controls (CSI, NEL)', 'a\u009b31mb\u0085c', 'a 31mb c'],
    ['NUL and DEL', 'a\u0000b\u007fc', 'a b c'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    ['bidi overrides and isolates', 'abc\u202edcba\u2066x\u2069', 'abcdcbax'],
    ['zero-width space, joiner, word joiner and BOM', 're\u200bqu\u200dire\u2060d\ufeff', 'required'],
    ['tag characters', 'a\u{e0041}b', 'ab'],
    ['Hangul fillers', 'a\u3164b\u115fc', 'abc'],
    ['a lone surrogate', 'a\ud800b', 'ab'],
    ['runs of blanks', '  a \t  b  ', 'a b'],
  ])('removes %s', (_, text, expected) => {
    expect(oneLine(text)).toBe(expected);
  });

  it('bounds the length without splitting a surrogate pair', () => {
    expect(oneLine('abcdef', 4)).toBe('abc…');
    const out = oneLine(`ab${'😀'.repeat(5)}`, 4);
    expect(out).toBe('ab…');
    expect(/[\ud800-\udfff]/.test(out.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))).toBe(false);
  });
});

describe('noCommand and safeLine', () => {
  it.each([
    ['::error title=x::forged', ': :error title=x::forged'],
    ['  ::stop-commands::pause', '  : :stop-commands::pause'],
    ['##[error]legacy', '# #[error]legacy'],
    ['a line ::error:: in the middle', 'a line ::error:: in the middle'],
    ['file.yml:1:1: fine', 'file.yml:1:1: fine'],
  ])('noCommand(%j) = %j', (line, expected) => {
    expect(noCommand(line)).toBe(expected);
  });

  it('safeLine is one line that no runner reads as a workflow command', () => {
    expect(safeLine('\n::error title=forged::hi')).toBe(': :error title=forged::hi');
    expect(safeLine('\u200b::warning::x')).toBe(': :warning::x');
    expect(safeLine('ok: a\n::error::b')).toBe('ok: a ::error::b');
  });
});
