/** Registers every nn-kit element. Import this module once per page. */
export * from '../src/index.js';
