import type { TokenSpec } from '../config/types.js';
import { findProvider } from '../providers/registry.js';
import { MIN_SECRET_LENGTH, type Redactor } from './redact.js';

/**
 * The credential values, read from the environment variables the config names. Each value is handed
 * to `mask` (core.setSecret in the action) the moment it is read, before anything can print or send
 * it — a multi-line one line by line — and to the redactor. A value shorter than 8 characters is
 * neither: masking it would garble every log line that contains those characters, so it is kept
 * only to be refused as "too short" without ever being sent.
 */
export class SecretStore {
  private readonly values = new Map<string, string>();

  constructor(
    specs: readonly TokenSpec[],
    env: Readonly<Record<string, string | undefined>>,
    private readonly mask: (value: string) => void,
    private readonly redactor: Redactor,
  ) {
    for (const [name, members] of variablesOf(specs)) {
      const raw = env[name];
      if (!raw) continue;
      const only = members && secretMembersOf(raw, members);
      if (only) only.forEach((secret) => this.protect(secret));
      else this.protect(raw);
      // A secret pasted with a trailing newline is common; the value is what is left.
      const value = raw.trim();
      if (!value) continue;
      if (value !== raw && !only) this.protect(value);
      this.values.set(name, value);
    }
  }

  get(variable: string): string | undefined {
    return this.values.get(variable);
  }

  /** A form of a secret made from it (base64 of `user:pass`, URL-encoded, a corrupted copy): protected like one. */
  derived(value: string): void {
    this.protect(value);
  }

  private protect(value: string): void {
    const lines = value.split(/\r?\n|\r/).map((line) => line.trim()).filter(Boolean);
    if (lines.length <= 1) {
      // One line, perhaps with a trailing newline: masked as read (setSecret escapes the newline).
      if (value.trim().length >= MIN_SECRET_LENGTH) this.mask(value);
    } else {
      // setSecret of a multi-line value would also mask each short line (`{`, `}`), garbling the log.
      for (const line of lines) if (line.length >= MIN_SECRET_LENGTH) this.mask(line);
    }
    this.redactor.add(value);
    for (const line of lines) this.redactor.add(line);
  }
}

/** Each variable the tokens name, with the secret members of its part when only those are secret. */
function variablesOf(specs: readonly TokenSpec[]): Map<string, readonly string[] | undefined> {
  const variables = new Map<string, readonly string[] | undefined>();
  for (const spec of specs) {
    const fields = findProvider(spec.provider)?.fields ?? [];
    for (const [part, name] of [...Object.entries(spec.secret), ...Object.entries(spec.previousSecret ?? {})]) {
      const members = fields.find((field) => field.id === part)?.secretMembers;
      // A variable named by two parts is protected whole unless both say which members are secret.
      variables.set(name, variables.has(name) && !variables.get(name) ? undefined : members);
    }
  }
  return variables;
}

/**
 * The values of a JSON document's secret members, as parsed and as written in the file (with its
 * `\n` escapes); undefined when the text is not such a document, or a member is absent or empty,
 * and the whole text is protected instead.
 */
function secretMembersOf(text: string, members: readonly string[]): string[] | undefined {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) return undefined;
  const values = members.map((member) => (document as Record<string, unknown>)[member]);
  if (!values.every((value): value is string => typeof value === 'string' && value.trim().length >= MIN_SECRET_LENGTH)) return undefined;
  return values.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]);
}
