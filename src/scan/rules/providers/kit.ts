/**
 * Pieces shared by the rules of token-preflight's own providers.
 *
 * Which credential part a found secret is: the provider's rotating part (`rotatingField`), unless
 * the rule's `parts` maps another part to the group `secret` (an AWS access key id, a Twilio
 * account SID, a Datadog application key). Other `parts` are captured only when they stand on the
 * same line in a way that ties them to the secret (`user:token`, `-u user -p token`,
 * `KEY_ID=… SECRET=…`), so that a part never comes from an unrelated value.
 */

/** Not inside a longer token: no word character or hyphen before it. */
export const START = String.raw`(?<![\w-])`;
/** …nor after it. */
export const END = String.raw`(?![\w-])`;

/**
 * The assignment between a name and its value: `NAME=`, `name: `, `"name": "`, `name = '`,
 * `name := `, `name => `, `--name=`, an HTTP header `Name: `.
 */
export const ASSIGN = String.raw`["'\x60\]]?\s{0,4}(?::=|=>|[:=])\s{0,4}["'\x60]?`;

/** An email address (an Atlassian account, a Cloudflare account), without nested quantifiers. */
export const EMAIL = String.raw`[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}\.[A-Za-z0-9.-]{2,100}`;

/**
 * An optional user named before the secret by a key or a flag (captured as `group`): `-u NAME -p`,
 * `--username NAME --password`, `USERNAME=NAME … TOKEN=`, `login: NAME, password: `.
 */
export function keyedUserBefore(group: string, user: string): string {
  const key = String.raw`(?:(?<![\w-])(?:-u|--username)[ =]["']?|(?:[Uu]ser(?:name)?|USER(?:NAME)?|[Ll]ogin|LOGIN)${ASSIGN})`;
  const then = String.raw`(?:["']?\s{1,3}(?:-p|--password)[ =]["']?|["']?[\s,;&][^\n]{0,60}?(?:TOKEN|[Tt]oken|PASSWORD|[Pp]assword|PAT|[Pp]at)${ASSIGN})`;
  return String.raw`(?:${key}(?<${group}>${user})${then})?`;
}

/** The exact shape a secret must have: for rules whose pattern is case-insensitive for its keyword context. */
export function shape(pattern: RegExp): (secret: string) => boolean {
  return (secret) => pattern.test(secret);
}

/** Six or more consecutive characters in order: `abcdef`, `ABCDEFGH`, `012345`. */
function hasRun(text: string, length = 6): boolean {
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    const previous = text.charCodeAt(i - 1);
    const sameClass = /[0-9]/.test(text[i]!) === /[0-9]/.test(text[i - 1]!) && /[a-z]/.test(text[i]!) === /[a-z]/.test(text[i - 1]!);
    run = text.charCodeAt(i) === previous + 1 && sameClass ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/**
 * Whether a token-like secret could be a real one: not a made-up sample (`…EXAMPLE…`,
 * `AKIAABCDEFGHIJKLMNOP`, `…0123456789…`), which a random token is with a chance far below one in
 * a million. Secrets with spaces or braces (a key file, a PEM key) are structures, not tokens: left alone.
 */
export function plausible(secret: string): boolean {
  if (/[\s{}\\]/.test(secret)) return true;
  return !/example/i.test(secret) && !hasRun(secret);
}
