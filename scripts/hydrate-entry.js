// Entry of dist/nn-kit.hydrate.js: the one-file kit for pages whose elements were rendered
// on the server (lit SSR, Eleventy, Astro). lit's hydration support must run before lit
// itself loads, so it comes first: imports run in order, and it never imports LitElement.
// Then each element adopts the HTML the server wrote instead of rendering a second copy.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

export * from '../components/index.ts';
