/**
 * Compiles a module of src/wasm/ from its base64 binary, or returns undefined where
 * WebAssembly or its SIMD is missing or the page's Content-Security-Policy forbids compiling
 * it. The modules are under 4 kB: small enough to compile synchronously on a page's main
 * thread (Chromium allows 4 kB there).
 */
export function compileModule(base64: string): WebAssembly.Module | undefined {
  try {
    if (typeof WebAssembly !== 'object') return undefined;
    const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    if (!WebAssembly.validate(binary)) return undefined;
    return new WebAssembly.Module(binary);
  } catch {
    return undefined;
  }
}
