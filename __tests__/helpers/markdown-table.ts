/**
 * Reading the Markdown tables a report renders as GitHub's table parser does: a backslash escapes
 * the character after it, so `\|` is text in a cell, not a column separator.
 */

/** A table's rows: the lines after its header and delimiter, up to the first line that is not a row. */
export function tableRows(md: string, header: string): string[] {
  const lines = md.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

/** Column separators of a row. */
export function separators(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') n++;
  }
  return n;
}

/** Cells of a row, split on unescaped pipes, trimmed. */
export function cells(line: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      current += line.slice(i, i + 2);
      i++;
    } else if (line[i] === '|') {
      out.push(current.trim());
      current = '';
    } else current += line[i];
  }
  out.push(current.trim());
  return out.slice(1, -1);
}
