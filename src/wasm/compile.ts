/**
 * Compiles a module of src/wasm/ from its base64 binary, or returns undefined where
 * WebAssembly or its SIMD is missing or the page's Content-Security-Policy forbids compiling
 * it. Compiled asynchronously: a page's main thread may compile only the smallest modules
 * synchronously (Chromium's limit is 4 kB).
 */
export async function compileModule(base64: string): Promise<WebAssembly.Module | undefined> {
  try {
    if (typeof WebAssembly !== 'object') return undefined;
    const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    if (!WebAssembly.validate(binary)) return undefined;
    return await WebAssembly.compile(binary);
  } catch {
    return undefined;
  }
}
