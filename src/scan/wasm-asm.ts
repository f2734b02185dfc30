/**
 * A minimal WebAssembly assembler: the instructions the scan's small modules use (keyword-wasm.ts,
 * newline-wasm.ts), and a module of functions over one exported memory. No toolchain and no binary
 * file: each module is assembled from its instructions when first needed.
 */

/** The WebAssembly API as the scan uses it (the project's `lib` has no DOM types). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

/** Compiles and instantiates a module (throws where WebAssembly, or a feature it uses, is not there). */
export function instantiate<Exports>(bytes: Uint8Array): Exports {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as Exports;
}

const I32 = 0x7f;
export const op = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  const: (v: number) => [0x41, ...sleb(v)],
  add: [0x6a],
  sub: [0x6b],
  eq: [0x46],
  eqz: [0x45],
  gtU: [0x4b],
  ctz: [0x68],
  and: [0x71],
  or: [0x72],
  shl: [0x74],
  ltS: [0x48],
  geU: [0x4f],
  load: (offset: number) => [0x28, 2, ...uleb(offset)],
  load16u: (offset: number) => [0x2f, 1, ...uleb(offset)],
  load8u: (offset: number) => [0x2d, 0, ...uleb(offset)],
  store: (offset: number) => [0x36, 2, ...uleb(offset)],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  /** SIMD: 16 bytes at the address on the stack (no alignment assumed). */
  v128load: (offset: number) => [0xfd, 0x00, 0, ...uleb(offset)],
  i8x16splat: [0xfd, 0x0f],
  i8x16eq: [0xfd, 0x23],
  i8x16bitmask: [0xfd, 0x64],
};

/** A function: its parameters and result (i32s), its extra i32 locals, its body (ending with `end`). */
export interface WasmFunction {
  name: string;
  params: number;
  result: boolean;
  locals: number;
  body: number[];
}

/** A module of `functions` over one memory of `pages` (64 KiB each), both exported. */
export function assembleModule(pages: number, functions: readonly WasmFunction[]): Uint8Array {
  const types = vector(functions.map((f) => [0x60, ...vector(Array.from({ length: f.params }, () => [I32])), ...(f.result ? [1, I32] : [0])]));
  const indices = vector(functions.map((_, i) => uleb(i)));
  const memory = vector([[0, ...uleb(pages)]]);
  const exports = vector([[...name('memory'), 2, 0], ...functions.map((f, i) => [...name(f.name), 0, ...uleb(i)])]);
  const code = vector(
    functions.map((f) => {
      const body = [...(f.locals > 0 ? [...uleb(1), ...uleb(f.locals), I32] : uleb(0)), ...f.body];
      return [...uleb(body.length), ...body];
    }),
  );
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(3, indices),
    ...section(5, memory),
    ...section(7, exports),
    ...section(10, code),
  ]);
}

export function section(id: number, bytes: number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

export function vector(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

export function name(text: string): number[] {
  return [...uleb(text.length), ...Buffer.from(text, 'utf8')];
}

export function uleb(value: number): number[] {
  const out: number[] = [];
  let n = value >>> 0;
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export function sleb(value: number): number[] {
  const out: number[] = [];
  let n = value | 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}
