const PAGE = 65_536;
/** Bytes each buffer may be moved up by to start on a 16-byte boundary. */
const ALIGN = 16;

/**
 * One network's WebAssembly memory, handed out as aligned views: sized once for `bytes` of
 * buffers, at most `buffers` of them. It never grows, so the views handed out stay valid.
 */
export class KernelMemory {
  readonly memory: WebAssembly.Memory;
  /** Where the next buffer goes, in bytes. */
  private next = 0;

  constructor(bytes: number, buffers: number) {
    this.memory = new WebAssembly.Memory({ initial: Math.ceil((bytes + ALIGN * buffers) / PAGE) });
  }

  /** A zeroed view of `length` doubles. */
  float64(length: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.reserve(8 * length), length);
  }

  /** A zeroed view of `length` 32-bit integers. */
  int32(length: number): Int32Array {
    return new Int32Array(this.memory.buffer, this.reserve(4 * length), length);
  }

  private reserve(bytes: number): number {
    const start = Math.ceil(this.next / ALIGN) * ALIGN;
    if (start + bytes > this.memory.buffer.byteLength) throw new Error('WebAssembly kernels: a buffer was asked for beyond the memory reserved for this network.');
    this.next = start + bytes;
    return start;
  }
}
