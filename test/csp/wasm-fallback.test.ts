// The WebAssembly kernels on a page whose Content-Security-Policy forbids compiling
// WebAssembly ("script-src 'self'", no 'wasm-unsafe-eval'): loadWasmKernels() and
// loadWasmCnnKernels() resolve to undefined, nothing throws, and the networks train on the
// JavaScript kernels.
import { expect } from '@open-wc/testing';
import { WASM_THRESHOLD, loadWasmCnnKernels, loadWasmKernels } from '../../src/wasm/load.js';

type Result = { loaded: boolean; kind: string; losses: number[] };

function openPage(): Promise<HTMLIFrameElement> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.src = '/test/csp/wasm-page.html';
    frame.addEventListener('load', () => resolve(frame), { once: true });
    frame.addEventListener('error', reject, { once: true });
    document.body.append(frame);
  });
}

describe('WebAssembly kernels under a strict Content-Security-Policy', () => {
  it('this test page (no policy) loads them, for comparison', async () => {
    expect(await loadWasmKernels()).to.be.a('function');
    expect(await loadWasmCnnKernels()).to.be.a('function');
  });

  it('fall back to the JavaScript kernels, and the network still trains', async () => {
    const frame = await openPage();
    try {
      const response = await fetch('/test/csp/wasm-page.html');
      expect(response.headers.get('content-security-policy')).to.equal("script-src 'self'; style-src 'self'");
      const result = await (frame.contentWindow as unknown as { result: Promise<Result> }).result;
      expect(48 * 32 + 32 * 2, 'the network is large enough to want WebAssembly').to.be.at.least(WASM_THRESHOLD);
      expect(result.loaded, 'the policy kept WebAssembly out').to.equal(false);
      expect(result.kind).to.equal('javascript');
      expect(result.losses.every(Number.isFinite)).to.equal(true);
      expect(result.losses.at(-1)!).to.be.below(result.losses[0]);
    } finally {
      frame.remove();
    }
  });

  it('fall back to the JavaScript CNN kernels, and the CNN still trains', async () => {
    const frame = await openPage();
    try {
      const result = await (frame.contentWindow as unknown as { cnnResult: Promise<Result> }).cnnResult;
      expect(result.loaded, 'the policy kept WebAssembly out').to.equal(false);
      expect(result.kind).to.equal('javascript');
      expect(result.losses.every(Number.isFinite)).to.equal(true);
      expect(result.losses.slice(-5).reduce((a, b) => a + b)).to.be.below(result.losses.slice(0, 5).reduce((a, b) => a + b));
    } finally {
      frame.remove();
    }
  });
});
