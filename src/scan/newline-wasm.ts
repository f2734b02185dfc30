/**
 * Where the line breaks are in a stretch of bytes, and where bytes outside ASCII are, 16 bytes at a
 * time (WebAssembly SIMD: compare with `\n`, take the mask, one store per line break; the mask of
 * the top bits, one store per block that has one). The diff reader walks these offsets instead of
 * searching for each line's end (a search per line costs more than its bytes on lines of code,
 * ~40 bytes), and decodes as UTF-8 only the lines near a byte outside ASCII. Without WebAssembly
 * SIMD, the same offsets come from a search in JavaScript.
 */
import { assembleModule, instantiate, op } from './wasm-asm.js';

/** Offsets in order: `offsets[0, count)`. Grown as needed. */
export class Offsets {
  offsets = new Int32Array(1 << 10);
  count = 0;

  reserve(more: number): void {
    if (this.count + more <= this.offsets.length) return;
    const grown = new Int32Array(Math.max(this.offsets.length * 2, this.count + more));
    grown.set(this.offsets.subarray(0, this.count));
    this.offsets = grown;
  }

  add(offset: number): void {
    this.reserve(1);
    this.offsets[this.count++] = offset;
  }
}

/**
 * What `findLineBreaks` finds: the offset of each `\n`, and where bytes ≥ 0x80 are — the start of
 * each 16-byte block that holds one (a block, not the byte: enough to tell a line of ASCII).
 */
export class LineBreaks extends Offsets {
  readonly nonAscii = new Offsets();
}

/** Input bytes per call into WebAssembly. */
const PIECE = 1 << 20;
const IN = 0;
const OUT = PIECE;
/** The blocks with a byte ≥ 0x80: at most one per 16 bytes, or one per byte of the tail. */
const HIGH = OUT + 4 * PIECE;
/** Where `breaks` leaves the end of its stores at HIGH. */
const HIGH_END = HIGH + 4 * (PIECE / 16 + 16);
const PAGES = Math.ceil((HIGH_END + 4) / 65536);
const NEWLINE = 10;

interface Exports {
  memory: { buffer: ArrayBuffer };
  /** Returns the end of the line breaks stored from `out` on; the end of the blocks stored from `high` on is at HIGH_END. */
  breaks: (from: number, to: number, out: number, high: number) => number;
}

/** The instance, made when first needed; null where WebAssembly SIMD is not there. */
let module: { bytes: Uint8Array; words: Int32Array; breaks: Exports['breaks'] } | null | undefined;

function wasm(): typeof module {
  if (module === undefined) {
    try {
      const exports = instantiate<Exports>(assembleModule(PAGES, [{ name: 'breaks', params: 4, result: true, locals: 1, body: breaksBody() }]));
      module = { bytes: new Uint8Array(exports.memory.buffer), words: new Int32Array(exports.memory.buffer), breaks: exports.breaks };
    } catch {
      module = null; // no WebAssembly, or no SIMD: the search in JavaScript
    }
  }
  return module;
}

/** Appends to `out` the offset of every `\n` in `bytes[from, to)`, in order. */
export function findLineBreaks(bytes: Uint8Array, from: number, to: number, out: LineBreaks): void {
  const m = wasm();
  if (!m) {
    findLineBreaksInJs(bytes, from, to, out);
    return;
  }
  for (let at = from; at < to; at += PIECE) {
    const end = Math.min(to, at + PIECE);
    m.bytes.set(bytes.subarray(at, end), IN);
    const found = (m.breaks(IN, IN + end - at, OUT, HIGH) - OUT) >> 2;
    copy(m.words, OUT >> 2, found, at, out);
    copy(m.words, HIGH >> 2, (m.words[HIGH_END >> 2]! - HIGH) >> 2, at, out.nonAscii);
  }
}

/** The same in JavaScript (where WebAssembly SIMD is not there): each byte outside ASCII, not its block. */
export function findLineBreaksInJs(bytes: Uint8Array, from: number, to: number, out: LineBreaks): void {
  for (let at = bytes.indexOf(NEWLINE, from); at !== -1 && at < to; at = bytes.indexOf(NEWLINE, at + 1)) out.add(at);
  for (let at = from; at < to; at++) if (bytes[at]! >= 0x80) out.nonAscii.add(at);
}

/** Whether `findLineBreaks` runs in WebAssembly. */
export function lineBreaksInWasm(): boolean {
  return wasm() !== null;
}

/** Appends `count` words of `words` from `first` on to `out`, each plus `shift`. */
function copy(words: Int32Array, first: number, count: number, shift: number, out: Offsets): void {
  out.reserve(count);
  const { offsets } = out;
  let n = out.count;
  for (let w = first, stop = first + count; w < stop; w++) offsets[n++] = words[w]! + shift;
  out.count = n;
}

/**
 * breaks(from, to, out, high) → out's end: a 16-byte block at a time, the mask of its `\n` bytes,
 * each set bit's offset stored at `out`; the block's offset stored at `high` when a byte of it is
 * ≥ 0x80. Then the bytes left one at a time. The end of the stores at `high` goes to HIGH_END.
 */
function breaksBody(): number[] {
  const FROM = 0;
  const TO = 1;
  const OUT_AT = 2;
  const HIGH_AT = 3;
  const MASK = 4;
  const store = (to: number, offset: number[]) => [...op.get(to), ...offset, ...op.store(0), ...op.get(to), ...op.const(4), ...op.add, ...op.set(to)];
  return [
    // 16 bytes at a time while 16 are left
    ...op.block, ...op.loop,
    ...op.get(FROM), ...op.const(16), ...op.add, ...op.get(TO), ...op.gtU, ...op.brIf(1),
    ...op.get(FROM), ...op.v128load(0), ...op.i8x16bitmask, ...op.if, ...store(HIGH_AT, op.get(FROM)), ...op.end,
    ...op.get(FROM), ...op.v128load(0), ...op.const(NEWLINE), ...op.i8x16splat, ...op.i8x16eq, ...op.i8x16bitmask, ...op.set(MASK),
    ...op.block, ...op.loop,
    ...op.get(MASK), ...op.eqz, ...op.brIf(1),
    ...store(OUT_AT, [...op.get(FROM), ...op.get(MASK), ...op.ctz, ...op.add]),
    ...op.get(MASK), ...op.get(MASK), ...op.const(1), ...op.sub, ...op.and, ...op.set(MASK),
    ...op.br(0), ...op.end, ...op.end,
    ...op.get(FROM), ...op.const(16), ...op.add, ...op.set(FROM),
    ...op.br(0), ...op.end, ...op.end,
    // the rest, a byte at a time
    ...op.block, ...op.loop,
    ...op.get(FROM), ...op.get(TO), ...op.geU, ...op.brIf(1),
    ...op.get(FROM), ...op.load8u(0), ...op.const(NEWLINE), ...op.eq, ...op.if, ...store(OUT_AT, op.get(FROM)), ...op.end,
    ...op.get(FROM), ...op.load8u(0), ...op.const(0x80), ...op.geU, ...op.if, ...store(HIGH_AT, op.get(FROM)), ...op.end,
    ...op.get(FROM), ...op.const(1), ...op.add, ...op.set(FROM),
    ...op.br(0), ...op.end, ...op.end,
    ...op.const(HIGH_END), ...op.get(HIGH_AT), ...op.store(0),
    ...op.get(OUT_AT), ...op.end,
  ];
}
