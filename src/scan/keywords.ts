/**
 * The keyword prefilter: every rule's keywords in one Aho–Corasick automaton, compiled to a dense
 * DFA. Bytes are read through a class table: each character that some keyword holds has a class
 * of its own (an ASCII capital shares its small letter's), every other byte is class 0 — which
 * leads back to the root from any state, as no keyword holds it (a byte ≥ 128 of a UTF-8 sequence,
 * a UTF-16 code unit ≥ 128: keywords are ASCII; the rare other keyword is looked up directly).
 * One row of transitions per state, one entry per class: for 400 keywords, ~2,000 states of 64
 * classes — a table small enough to stay in the CPU's cache.
 *
 * It runs over a diff's UTF-8 bytes as they arrive — in WebAssembly, several chains in step (see
 * keyword-wasm.ts) — and over a string's code units in JavaScript.
 */
import { PIECE, WasmKeywordScanner } from './keyword-wasm.js';

/** A keyword outside ASCII, looked up in the text directly. */
export interface UnusualKeyword {
  keyword: string;
  rule: number;
}

/**
 * Where keyword ends go, in byte order: `positions[i]` (the offset of a keyword's last byte) and
 * `states[i]` (the automaton's state there), for i < `count`. Grown as needed.
 */
export class KeywordHits {
  positions = new Int32Array(4096);
  states = new Int32Array(4096);
  count = 0;

  add(position: number, state: number): void {
    if (this.count === this.positions.length) this.reserve(1);
    this.positions[this.count] = position;
    this.states[this.count++] = state;
  }

  /** Room for `more` hits after `count`. */
  reserve(more: number): void {
    if (this.count + more <= this.positions.length) return;
    const size = Math.max(this.positions.length * 2, this.count + more);
    const positions = new Int32Array(size);
    const states = new Int32Array(size);
    positions.set(this.positions.subarray(0, this.count));
    states.set(this.states.subarray(0, this.count));
    this.positions = positions;
    this.states = states;
  }
}

export class KeywordAutomaton {
  /** `table[state << rowShift | class]`: the next state, with `flag` set when it ends a keyword. */
  private readonly table: Uint16Array | Uint32Array;
  private readonly rowShift: number;
  private readonly flag: number;
  private readonly classes = new Uint8Array(256);
  /** Per state, where its outputs are in `outRule`/`outLength`. */
  private readonly outStart: Int32Array;
  /** The rules whose keyword ends at a state, and the length of the shortest such keyword. */
  readonly outRule: Int32Array;
  readonly outLength: Int32Array;
  /** Rules with no keyword: they run on every line. */
  readonly always: readonly number[];
  readonly unusual: readonly UnusualKeyword[];
  /** The longest keyword's length less one: how far back a chain starts to find one across a cut. */
  private readonly warm: number;
  private wasm: WasmKeywordScanner | null | undefined;

  constructor(keywordsByRule: ReadonlyArray<readonly string[]>) {
    const always: number[] = [];
    const unusual: UnusualKeyword[] = [];
    const ascii: Array<{ keyword: string; rule: number }> = [];
    let longest = 1;
    keywordsByRule.forEach((keywords, rule) => {
      if (keywords.length === 0) always.push(rule);
      for (const keyword of keywords) {
        if (/[\u0080-\uffff]/.test(keyword)) unusual.push({ keyword, rule });
        // A keyword with a line break can never be inside a line: it finds nothing (as per line).
        else if (keyword.length > 0 && !keyword.includes('\n')) {
          ascii.push({ keyword, rule });
          longest = Math.max(longest, keyword.length);
        }
      }
    });
    this.always = always;
    this.unusual = unusual;
    this.warm = longest - 1;

    // Classes: one per character in a keyword (by its folded code), 0 for all else.
    const classOf = new Int32Array(128);
    let classes = 1;
    for (const { keyword } of ascii) {
      for (let i = 0; i < keyword.length; i++) {
        const symbol = fold(keyword.charCodeAt(i));
        if (classOf[symbol] === 0) classOf[symbol] = classes++;
      }
    }
    for (let byte = 0; byte < 128; byte++) this.classes[byte] = classOf[fold(byte)]!;
    this.rowShift = Math.max(1, Math.ceil(Math.log2(classes)));
    const width = 1 << this.rowShift;

    // The trie, in the rows of the table to be (-1: no child yet); at most one state per character.
    const most = 1 + ascii.reduce((n, { keyword }) => n + keyword.length, 0);
    let goto = new Int32Array(most * width).fill(-1);
    /** Per state: rule → shortest keyword length ending there (undefined: none). */
    const outputs: Array<Map<number, number> | undefined> = [undefined];
    let states = 1;
    for (const { keyword, rule } of ascii) {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const slot = state * width + classOf[fold(keyword.charCodeAt(i))]!;
        if (goto[slot] === -1) {
          goto[slot] = states++;
          outputs.push(undefined);
        }
        state = goto[slot]!;
      }
      const out = (outputs[state] ??= new Map());
      const known = out.get(rule);
      if (known === undefined || keyword.length < known) out.set(rule, keyword.length);
    }
    goto = goto.subarray(0, states * width);

    // Breadth first: failure links, inherited outputs, and every state's row.
    const fail = new Int32Array(states);
    const queue = new Int32Array(states);
    let tail = 0;
    for (let c = 0; c < width; c++) {
      if (goto[c] === -1) goto[c] = 0;
      else queue[tail++] = goto[c]!;
    }
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      const inherited = outputs[fail[state]!];
      if (inherited) {
        const out = (outputs[state] ??= new Map());
        for (const [rule, length] of inherited) {
          const known = out.get(rule);
          if (known === undefined || length < known) out.set(rule, length);
        }
      }
      const row = state * width;
      const failRow = fail[state]! * width;
      for (let c = 0; c < width; c++) {
        const next = goto[row + c]!;
        if (next === -1) {
          goto[row + c] = goto[failRow + c]!;
        } else {
          fail[next] = goto[failRow + c]!;
          queue[tail++] = next;
        }
      }
    }

    // u16 entries while states fit in 15 bits (the 16th flags a keyword's end), else u32.
    const wide = states > 0x7fff;
    this.flag = wide ? 0x80000000 : 0x8000;
    this.table = wide ? new Uint32Array(goto.length) : new Uint16Array(goto.length);
    for (let i = 0; i < goto.length; i++) {
      const next = goto[i]!;
      this.table[i] = (next | (outputs[next] !== undefined ? this.flag : 0)) >>> 0;
    }
    this.outStart = new Int32Array(states + 1);
    let total = 0;
    for (let state = 0; state < states; state++) {
      this.outStart[state] = total;
      total += outputs[state]?.size ?? 0;
    }
    this.outStart[states] = total;
    this.outRule = new Int32Array(total);
    this.outLength = new Int32Array(total);
    for (let state = 0, k = 0; state < states; state++) {
      for (const [rule, length] of outputs[state] ?? []) {
        this.outRule[k] = rule;
        this.outLength[k++] = length;
      }
    }
  }

  /** A state's outputs: indices [outputsFrom, outputsTo) into outRule/outLength. */
  outputsFrom(state: number): number {
    return this.outStart[state]!;
  }

  outputsTo(state: number): number {
    return this.outStart[state + 1]!;
  }

  /** Every rule with a keyword in `text`, once each (marked with `stamp`), into `hits`; returns how many. */
  find(text: string, marks: Int32Array, stamp: number, hits: Int32Array): number {
    const { table, classes, rowShift, flag, outStart, outRule } = this;
    const mask = flag - 1;
    let count = 0;
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const code = text.charCodeAt(i);
      state = table[(state << rowShift) | (code < 128 ? classes[code]! : 0)]!;
      if (state < flag) continue;
      state &= mask;
      for (let k = outStart[state]!, to = outStart[state + 1]!; k < to; k++) {
        const rule = outRule[k]!;
        if (marks[rule] !== stamp) {
          marks[rule] = stamp;
          hits[count++] = rule;
        }
      }
    }
    for (const rule of this.always) {
      if (marks[rule] !== stamp) {
        marks[rule] = stamp;
        hits[count++] = rule;
      }
    }
    if (this.unusual.length > 0) {
      const lower = text.toLowerCase();
      for (const { keyword, rule } of this.unusual) {
        if (marks[rule] !== stamp && lower.includes(keyword)) {
          marks[rule] = stamp;
          hits[count++] = rule;
        }
      }
    }
    return count;
  }

  /**
   * Every keyword that ends in `bytes[from, to)` (and starts there too), to `sink` in byte order:
   * the offset of its last byte and the automaton's state there.
   */
  scanBytes(bytes: Uint8Array, from: number, to: number, sink: KeywordHits): void {
    const wasm = this.wasmScanner();
    if (!wasm) {
      this.scanInJs(bytes, from, to, sink);
      return;
    }
    for (let at = from; at < to; at += PIECE) wasm.scanPiece(bytes, at, Math.min(to, at + PIECE), at === from, sink);
  }

  /** The same in JavaScript, one chain: where WebAssembly is not there. */
  scanInJs(bytes: Uint8Array, from: number, to: number, sink: KeywordHits): void {
    const { table, classes, rowShift, flag } = this;
    const mask = flag - 1;
    let state = 0;
    for (let i = from; i < to; i++) {
      state = table[(state << rowShift) | classes[bytes[i]!]!]!;
      if (state >= flag) sink.add(i, (state &= mask));
    }
  }

  /** Whether byte scans run in WebAssembly (else in JavaScript: where it is not there). */
  get webAssembly(): boolean {
    return this.wasmScanner() !== null;
  }

  private wasmScanner(): WasmKeywordScanner | null {
    if (this.wasm === undefined) {
      try {
        this.wasm = new WasmKeywordScanner(this.table, this.flag, this.classes, this.rowShift, this.warm);
      } catch {
        this.wasm = null;
      }
    }
    return this.wasm;
  }
}

/** ASCII upper case to lower; anything else as it is. */
function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
