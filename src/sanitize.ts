// Invisible or look-alike characters a terminal or a log viewer would not show as themselves:
// format characters (bidi overrides and isolates, zero-width spaces and joiners, the BOM, tag
// characters), lone surrogates, and the Hangul fillers that render as blank letters.
const INVISIBLE = /[\p{Cf}\p{Cs}\u115f\u1160\u3164\uffa0]+/gu;
// Control characters (C0, DEL, C1: ESC, BEL, CR, CSI …), line and paragraph separators, any space.
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;

/**
 * Text from a provider or a config file, made safe to print: one line (no line breaks that could
 * forge a log line or a workflow command), no control characters or terminal escapes (ESC, BEL,
 * CR), no invisible format characters (bidi overrides, zero-width spaces) that could make it read
 * differently from what it is, and bounded.
 */
export function oneLine(text: string, max = 500): string {
  const flat = text.replace(INVISIBLE, '').replace(BREAKS, ' ').trim();
  // Cut between whole characters: half a surrogate pair would be an invisible character again.
  return flat.length > max ? `${flat.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : flat;
}

/**
 * A line a CI runner cannot take for a workflow command: the runner reads a line whose first
 * non-blank characters are `::` (or the legacy `##[`) as one, so that start is broken up with a
 * space (`: :`). The rest of the line is left as it is; apply it to whole lines only.
 */
export function noCommand(line: string): string {
  return line.replace(/^(\s*)(::|##\[)/, (_, space: string, start: string) => `${space}${start[0]} ${start.slice(1)}`);
}

/** `oneLine` that is also never a workflow command: for a line of its own in a log or on a terminal. */
export function safeLine(text: string, max = 500): string {
  return noCommand(oneLine(text, max));
}
