import { PROVIDERS } from '../providers/registry.js';

// Printable ASCII without quotes, backslashes, backticks, angle brackets or `$`: nothing that could
// end the quotation, render as Markdown or HTML, or expand in a shell; no control character (ESC)
// anywhere, no blank at either end.
// eslint-disable-next-line no-control-regex -- control characters are what it keeps out
const IDENTIFIER = /^[^\x00-\x20\x7f-\uffff"'`\\<>$|{}](?:[^\x00-\x1f\x7f-\uffff"'`\\<>$|{}]{0,38}[^\x00-\x20\x7f-\uffff"'`\\<>$|{}])?$/;

// What starts a workflow command (`::error::`, the legacy `##[error]`), wherever it stands.
const COMMAND = /::|##\[/;

// A key of the config as it may appear in a key path (`tokens[0].expect.json.$.active`): a short run
// of letters, digits and `_ . $ - [ ] *`, never a space, a colon or anything that could start a
// workflow command or a terminal escape.
const KEY = /^[A-Za-z0-9_$][\w.$*[\]-]{0,62}$/;

// Prefixes of well-known credential formats, of providers token-preflight has no module for too: a
// value starting with one is never echoed, however short or plain it looks.
const SECRET_PREFIX =
  /^(?:xox[abposrce]-|xapp-|gh[pousr]_|github_pat_|glpat-|gldt-|sk_(?:live|test)_|rk_(?:live|test)_|whsec_|sk-|AKIA|ASIA|AIza|ya29\.|npm_|pypi-|SG\.|shp(?:at|ca|pa|ss)_|dop_v1_|hf_|dapi|xai-|lin_api_|sq0|EAAC|key-)/;

/**
 * A value the user wrote, quoted for an error message only when it is shaped like a short
 * identifier (a provider name, a mode, a number) and not like a token; anything else — a pasted
 * secret, a line break, a workflow command, terminal escapes — is "(value not shown)".
 */
export function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  if (text === undefined || !IDENTIFIER.test(text) || COMMAND.test(text) || mightBeSecret(text)) return '(value not shown)';
  return `"${text}"`;
}

/**
 * One key of a key path, as written, when it is shaped like a config key; otherwise
 * "(key not shown)": an unknown key may be a pasted token, a line break or a workflow command.
 */
export function showKey(key: string): string {
  return KEY.test(key) && !mightBeSecret(key) ? key : '(key not shown)';
}

/** Whether `key` would be shown as written by `showKey`. */
export function keyShown(key: string): boolean {
  return KEY.test(key) && !mightBeSecret(key);
}

/**
 * What to do about a token written into the config under `key` (`secret`, `previous-secret`,
 * `name`, …): revoke it, and write what belongs there instead.
 */
export function tokenAdvice(key = 'secret'): string {
  const instead =
    key === 'previous-secret'
      ? 'write under "previous-secret" the name of the environment variable that holds the token this one replaced'
      : key === 'secret'
        ? 'store the new one as a secret, and write the name of its environment variable under "secret"'
        : `store the new one as a secret, write the name of its environment variable under "secret", and write under "${key}" what belongs there`;
  return `never write tokens into the config. If it is a real token, revoke it now (it is in the repository history); ${instead}`;
}

export const TOKEN_ADVICE = tokenAdvice('secret');

export function looksLikeToken(value: string): boolean {
  if (PROVIDERS.some((provider) => provider.formats?.some((format) => format.test(value)))) return true;
  // Long, mixed-case and with digits: random-looking, unlike a variable name such as RELEASE_BOT_TOKEN.
  return value.length >= 32 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

/**
 * Broader than `looksLikeToken`, for what may be echoed: a known token format or prefix (of any
 * provider, `xoxb-…` too), or a run of 16 or more letters and digits that mixes both, as random
 * strings do and names rarely do. Never echoing such a value costs a less precise message at worst.
 */
export function mightBeSecret(value: string): boolean {
  if (looksLikeToken(value) || SECRET_PREFIX.test(value)) return true;
  for (const run of value.match(/[A-Za-z0-9]{16,}/g) ?? []) {
    if ((run.match(/\d/g)?.length ?? 0) >= 2 && (run.match(/[A-Za-z]/g)?.length ?? 0) >= 2) return true;
  }
  return false;
}
