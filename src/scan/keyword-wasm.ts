/**
 * The keyword automaton's inner loop as a small WebAssembly module, assembled here from the
 * instructions below (with wasm-asm.ts: no toolchain, no binary file): per byte, one load of its class and one load
 * of the next state — in JavaScript the same loop costs about twice as much (bounds checks, and
 * code the JIT cannot keep in registers). `STREAMS` chains run in step over stretches of the input,
 * so the CPU overlaps their table loads (each chain waits on its own load before the next).
 *
 * Memory: [CLASSES: a byte's class × 4, one u8 (u16 past 64 classes) per byte][TABLE: the
 * transitions][IN: warm-up + a piece of input][OUT: a slot of hits per stream, and one for the
 * tail][COUNTS, STATES: per stream]. A state is its row's byte offset in TABLE; a transition is the
 * next state's, its top bit set when that state ends a keyword: per byte, one add and three loads
 * (the byte, its class, the transition). A hit is two i32: the byte's offset in IN, and the state.
 */

import type { KeywordHits } from './keywords.js';
import { assembleModule, instantiate, op } from './wasm-asm.js';

export const STREAMS = 6;
/** Input bytes per call: larger inputs are scanned a piece at a time. */
export const PIECE = 1 << 18;

const PAGE = 65536;
const CLASSES = 0;
const TABLE = 512;
const FLAG = 0x80000000;

export class WasmKeywordScanner {
  private readonly bytes: Uint8Array;
  private readonly words: Int32Array;
  private readonly scanN: (step: number, warm: number) => void;
  private readonly scan1: (from: number, to: number, state: number, reportFrom: number, slot: number) => number;
  private readonly input: number;
  private readonly out: number;
  private readonly slot: number;
  private readonly counts: number;
  private readonly states: number;
  /** For each stream, and then the tail: [start, end) of its hits in `words`. */
  private readonly ranges = new Int32Array(2 * (STREAMS + 1));

  /**
   * `table[state << rowShift | class]`: the next state, `flag` set where it ends a keyword;
   * `classes[byte]`: each byte's class; `warm`: the longest keyword's length less one (how far
   * before its stretch a chain starts).
   */
  constructor(table: Uint16Array | Uint32Array, flag: number, classes: Uint8Array, rowShift: number, readonly warm: number) {
    this.stateShift = rowShift + 2;
    const wideClasses = rowShift > 6; // class × 4 no longer fits a byte
    const tableBytes = table.length * 4;
    // A row offset and the flag share 32 bits (the JavaScript loop takes any larger automaton).
    if (tableBytes >= 2 ** 31) throw new RangeError('automaton too large for the WebAssembly table');
    this.input = align(TABLE + tableBytes, 16);
    // Each stream reports at most one hit per byte of its stretch plus its warm-up.
    this.slot = align(8 * (Math.ceil(PIECE / STREAMS) + warm + 16), 16);
    this.out = align(this.input + PIECE + warm + 16, 16);
    this.counts = this.out + this.slot * (STREAMS + 1);
    this.states = this.counts + 4 * STREAMS;
    const pages = Math.ceil((this.states + 4 * STREAMS) / PAGE);
    const module = assemble({ wideClasses, pages, input: this.input, out: this.out, slot: this.slot, counts: this.counts, states: this.states });
    const exports = instantiate<{
      memory: { buffer: ArrayBuffer };
      scanN: (step: number, warm: number) => void;
      scan1: (from: number, to: number, state: number, reportFrom: number, slot: number) => number;
    }>(module);
    this.bytes = new Uint8Array(exports.memory.buffer);
    this.words = new Int32Array(exports.memory.buffer);
    this.scanN = exports.scanN;
    this.scan1 = exports.scan1;
    const classBytes = wideClasses ? new Uint16Array(exports.memory.buffer, CLASSES, 256) : this.bytes.subarray(CLASSES, CLASSES + 256);
    for (let byte = 0; byte < 256; byte++) classBytes[byte] = classes[byte]! * 4;
    const transitions = new Uint32Array(exports.memory.buffer, TABLE, table.length);
    const mask = flag - 1;
    for (let i = 0; i < table.length; i++) {
      const entry = table[i]!;
      transitions[i] = (((entry & mask) << this.stateShift) | (entry >= flag ? FLAG : 0)) >>> 0;
    }
  }

  /** log2 of a row's bytes: a state's row offset back to its index. */
  private readonly stateShift: number;

  /**
   * Scans `bytes[from, to)` (at most PIECE bytes), the chains starting `warm` bytes early on what
   * precedes (`bytes[from - warm, from)`, or nothing at the start of a scan: `fresh`). Adds each
   * keyword end's offset in `bytes` and its state to `hits`, in byte order.
   */
  scanPiece(bytes: Uint8Array, from: number, to: number, fresh: boolean, hits: KeywordHits): void {
    const { warm, input } = this;
    const memory = this.bytes;
    if (fresh || from < warm) memory.fill(0, input, input + warm);
    else memory.set(bytes.subarray(from - warm, from), input);
    memory.set(bytes.subarray(from, to), input + warm);
    const length = to - from;
    const ranges = this.ranges;
    const step = Math.floor(length / STREAMS);
    let tailFrom: number;
    let tailState: number;
    let reportFrom: number;
    if (step >= 64 && step > warm) {
      this.scanN(step, warm);
      for (let k = 0; k < STREAMS; k++) {
        ranges[2 * k] = (this.out + k * this.slot) >> 2;
        ranges[2 * k + 1] = this.words[(this.counts >> 2) + k]! >> 2;
      }
      tailFrom = STREAMS * step + warm;
      tailState = this.words[(this.states >> 2) + STREAMS - 1]!; // a row offset, as the chain keeps it
      reportFrom = 0;
    } else {
      for (let k = 0; k < STREAMS; k++) ranges[2 * k] = ranges[2 * k + 1] = 0;
      tailFrom = 0;
      tailState = 0;
      reportFrom = warm;
    }
    const tailSlot = this.out + STREAMS * this.slot;
    ranges[2 * STREAMS] = tailSlot >> 2;
    ranges[2 * STREAMS + 1] = this.scan1(input + tailFrom, input + warm + length, tailState, input + reportFrom, tailSlot) >> 2;
    // Offsets in IN (warm-up first) back to offsets in `bytes`.
    const shift = from - warm - input;
    const words = this.words;
    const stateShift = this.stateShift;
    let total = 0;
    for (let r = 0; r <= STREAMS; r++) total += (ranges[2 * r + 1]! - ranges[2 * r]!) >> 1;
    hits.reserve(total);
    const { positions, states } = hits;
    let n = hits.count;
    for (let r = 0; r <= STREAMS; r++) {
      for (let w = ranges[2 * r]!, end = ranges[2 * r + 1]!; w < end; w += 2) {
        positions[n] = words[w]! + shift;
        states[n++] = words[w + 1]! >>> stateShift;
      }
    }
    hits.count = n;
  }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

// ── the assembler ───────────────────────────────────────────────────────────────────────────────

interface Layout {
  /** Classes as u16 (class × 4 past 255). */
  wideClasses: boolean;
  pages: number;
  input: number;
  out: number;
  slot: number;
  counts: number;
  states: number;
}

/** `state = table[state + classes[byte at p]]` (both byte offsets). */
function step(layout: Layout, state: number, pointer: number[]): number[] {
  const byteClass = layout.wideClasses ? [...op.const(1), ...op.shl, ...op.load16u(CLASSES)] : op.load8u(CLASSES);
  return [...pointer, ...op.load8u(0), ...byteClass, ...op.get(state), ...op.add, ...op.load(TABLE), ...op.set(state)];
}

/** If `state` ends a keyword: its flag off, and, where `report` says, a hit recorded. */
function hit(state: number, out: number, report: number[], position: number[]): number[] {
  return [
    ...op.get(state), ...op.const(0), ...op.ltS, ...op.if,
    ...op.get(state), ...op.const(0x7fffffff), ...op.and, ...op.set(state),
    ...report, ...op.if, ...record(state, out, position), ...op.end,
    ...op.end,
  ];
}

/** `*out = position; *(out + 4) = state; out += 8`. */
function record(state: number, out: number, position: number[]): number[] {
  return [...op.get(out), ...position, ...op.store(0), ...op.get(out), ...op.get(state), ...op.store(4), ...op.get(out), ...op.const(8), ...op.add, ...op.set(out)];
}

/**
 * scanN(step, warm): stream k reads IN + k·step + i for i in [0, step + warm), reporting the
 * keyword ends at i ≥ warm to its slot; then stores each stream's slot end and last state.
 */
function scanN(layout: Layout): number[] {
  const STEP = 0;
  const WARM = 1;
  const I = 2;
  const END = 3;
  const S = (k: number) => 4 + k;
  const P = (k: number) => 4 + STREAMS + k;
  const N = (k: number) => 4 + 2 * STREAMS + k;
  const body: number[] = [];
  body.push(...op.get(STEP), ...op.get(WARM), ...op.add, ...op.set(END));
  for (let k = 0; k < STREAMS; k++) {
    // p_k = IN + k * step (by adding step k times), n_k = OUT + k * SLOT; s_k = 0
    body.push(...op.const(layout.input), ...op.set(P(k)));
    for (let j = 0; j < k; j++) body.push(...op.get(P(k)), ...op.get(STEP), ...op.add, ...op.set(P(k)));
    body.push(...op.const(layout.out + k * layout.slot), ...op.set(N(k)));
  }
  body.push(...op.block, ...op.loop);
  body.push(...op.get(I), ...op.get(END), ...op.geU, ...op.brIf(1));
  const pointer = (k: number) => [...op.get(P(k)), ...op.get(I), ...op.add];
  for (let k = 0; k < STREAMS; k++) body.push(...step(layout, S(k), pointer(k)));
  // One test for all the chains (a keyword ends on a few bytes in a hundred), then each.
  body.push(...op.get(S(0)));
  for (let k = 1; k < STREAMS; k++) body.push(...op.get(S(k)), ...op.or);
  body.push(...op.const(0), ...op.ltS, ...op.if);
  const report = [...op.get(I), ...op.get(WARM), ...op.geU];
  for (let k = 0; k < STREAMS; k++) body.push(...hit(S(k), N(k), report, pointer(k)));
  body.push(...op.end);
  body.push(...op.get(I), ...op.const(1), ...op.add, ...op.set(I), ...op.br(0), ...op.end, ...op.end);
  for (let k = 0; k < STREAMS; k++) {
    body.push(...op.const(layout.counts + 4 * k), ...op.get(N(k)), ...op.store(0));
    body.push(...op.const(layout.states + 4 * k), ...op.get(S(k)), ...op.store(0));
  }
  body.push(...op.end);
  return body;
}

/** scan1(from, to, state, reportFrom, out): one chain over [from, to) from `state`; returns the slot's end. */
function scan1(layout: Layout): number[] {
  const FROM = 0;
  const TO = 1;
  const STATE = 2;
  const REPORT = 3;
  const OUT = 4;
  const body: number[] = [];
  body.push(...op.block, ...op.loop);
  body.push(...op.get(FROM), ...op.get(TO), ...op.geU, ...op.brIf(1));
  body.push(...step(layout, STATE, op.get(FROM)));
  body.push(...hit(STATE, OUT, [...op.get(FROM), ...op.get(REPORT), ...op.geU], op.get(FROM)));
  body.push(...op.get(FROM), ...op.const(1), ...op.add, ...op.set(FROM), ...op.br(0), ...op.end, ...op.end);
  body.push(...op.get(OUT), ...op.end);
  return body;
}

function assemble(layout: Layout): Uint8Array {
  return assembleModule(layout.pages, [
    { name: 'scanN', params: 2, result: false, locals: 2 + 3 * STREAMS, body: scanN(layout) },
    { name: 'scan1', params: 5, result: true, locals: 0, body: scan1(layout) },
  ]);
}
