import { resolve } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');

/**
 * The kit's own modules define elements when imported (`import '…/nn-x.js'`), but
 * package.json's "sideEffects" names only the published dist files, so a production build
 * would drop those imports and no element would be defined. This keeps them.
 */
function keepElementDefinitions(): Plugin {
  const ownSource = [resolve(root, 'components'), resolve(root, 'src')];
  return {
    name: 'nn-kit-keep-element-definitions',
    transform(code, id) {
      if (!ownSource.some((dir) => id.startsWith(dir))) return null;
      return { code, map: null, moduleSideEffects: true };
    },
  };
}

/**
 * Storybook for nn-kit's elements: `npm run storybook` (dev server on port 6006) and
 * `npm run build-storybook` (static site in storybook-static/). Both run `npm run analyze`
 * first: preview.ts reads custom-elements.json for the controls and the docs tables.
 * Nothing here needs the internet.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), keepElementDefinitions()],
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      // The web-components renderer imports lit/directive-helpers.js from a module the
      // dev server does not pre-bundle; without this, `storybook dev` loads two lit-html.
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js'],
    },
  }),
};

export default config;
