import { describe, expect, it } from 'vitest';
import { keyShown, looksLikeToken, mightBeSecret, showKey, showValue, tokenAdvice, TOKEN_ADVICE } from '../../src/config/echo.js';

const FAKE_PAT = `ghp_${'aB3x'.repeat(9)}`;

describe('showValue', () => {
  it.each(['github', 'live', 'yaml', '0', '-1', 'release-bot', 'read:org', true, 42])('shows %j, quoted', (value) => {
    expect(showValue(value)).toBe(`"${String(value)}"`);
  });

  it.each([
    ['a classic PAT', FAKE_PAT],
    ['a Slack bot token, short', 'xoxb-1234-5678-abcdEFGH'],
    ['a Stripe key', 'sk_live_abcdefgh'],
    ['an AWS access key id', 'AKIAABCDEFGHIJKLMNOP'],
    ['a random-looking run of letters and digits', 'abc123def456ghi789'],
    ['a workflow command', '::error title=x::y'],
    ['::stop-commands::', '::stop-commands::pause'],
    ['a legacy command', '##[error]x'],
    ['a line break', 'a\nb'],
    ['ESC', '\u001b[31m'],
    ['a bidi override', 'abc\u202edef'],
    ['a zero-width space', 'git\u200bhub'],
    ['a quote', 'a"b'],
    ['too long', 'a'.repeat(41)],
    ['not a string', { a: 1 }],
  ])('hides %s', (_, value) => {
    expect(showValue(value)).toBe('(value not shown)');
  });
});

describe('showKey', () => {
  it.each(['require-scopes', 'tokens', '$.data.active', 'X-Api-Key', 'access_key_id', '1'])('shows %j', (key) => {
    expect(showKey(key)).toBe(key);
    expect(keyShown(key)).toBe(true);
  });

  it.each([FAKE_PAT, '::error::x', 'a\nb', 'a b', '\u001b[2J', 'evil\u202e', 'a:b', '-x', 'x'.repeat(64)])('hides %j', (key) => {
    expect(showKey(key)).toBe('(key not shown)');
    expect(keyShown(key)).toBe(false);
  });
});

describe('mightBeSecret', () => {
  it('is looksLikeToken, and also known prefixes and random-looking runs', () => {
    expect(looksLikeToken('xoxb-1-2-ab')).toBe(false);
    expect(mightBeSecret('xoxb-1-2-ab')).toBe(true);
    expect(mightBeSecret(FAKE_PAT)).toBe(true);
    for (const name of ['RELEASE_BOT_TOKEN', 'PRODUCTION_RELEASE_BOT_TOKEN_FOR_GHES_2024', 'github', 'read:org', 'admin:repo_hook', 'api.example.com']) {
      expect(mightBeSecret(name), name).toBe(false);
    }
  });
});

describe('tokenAdvice', () => {
  it('names the key the token was pasted into, and what belongs there', () => {
    expect(tokenAdvice('previous-secret')).toContain('write under "previous-secret" the name of the environment variable that holds the token this one replaced');
    expect(tokenAdvice('previous-secret')).not.toContain('under "secret"');
    expect(tokenAdvice('require-scopes')).toContain('write under "require-scopes" what belongs there');
    expect(TOKEN_ADVICE).toBe(tokenAdvice('secret'));
    expect(TOKEN_ADVICE).toContain('revoke it now');
  });
});
