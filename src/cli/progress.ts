/**
 * A long scan's progress on a terminal: `scanning… 412 MB` rewritten in place on stderr a few times
 * a second, wiped at the end. Only on a terminal: never when stderr is piped, a file, or a CI log.
 */
export function progressShown(io: { stderrIsTTY?: boolean; env: NodeJS.ProcessEnv }): boolean {
  return io.stderrIsTTY === true && !io.env.CI && io.env.TERM !== 'dumb';
}

const EVERY_MS = 250;
const MB = 1024 * 1024;

/** Passes a diff stream through, counting its bytes and showing them. */
export async function* withProgress(input: AsyncIterable<string | Uint8Array>, write: (text: string) => void, now: () => number = Date.now): AsyncGenerator<string | Uint8Array> {
  let bytes = 0;
  let shownAt = now();
  let shown = false;
  try {
    for await (const chunk of input) {
      bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (now() - shownAt >= EVERY_MS) {
        shownAt = now();
        shown = true;
        write(`\r\x1b[2Kscanning… ${(bytes / MB).toFixed(1)} MB read`);
      }
      yield chunk;
    }
  } finally {
    if (shown) write('\r\x1b[2K');
  }
}
