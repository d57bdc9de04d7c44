import { type Preview, setCustomElementsManifest } from '@storybook/web-components';
// Written by `npm run analyze` (the storybook scripts run it first).
import manifest from '../custom-elements.json';
// Registers every element, as a page that uses the kit does.
import '../components/index.ts';

interface Manifest {
  modules: { declarations?: object[] }[];
}
interface Member {
  privacy?: string;
  static?: boolean;
  attribute?: string;
}

/**
 * The manifest for readers of the docs: attributes, public properties, events, slots,
 * CSS parts and custom properties of each element become Storybook's controls and docs
 * tables. Left out: private and protected members (lit's internal state), and properties
 * that have an attribute, which the attributes table already shows (under the name a
 * writer types, e.g. `learning-rate` rather than `learningRate`).
 */
function publicApi(full: Manifest): Manifest {
  return {
    ...full,
    modules: full.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        const members = (declaration as { members?: Member[] }).members;
        if (!members) return declaration;
        return { ...declaration, members: members.filter((member) => !member.privacy && !member.static && !member.attribute) };
      }),
    })),
  };
}

setCustomElementsManifest(publicApi(manifest));

/** Categories documented in the tables but not settable from the Controls panel. */
const DOCUMENTED_ONLY = new Set(['events', 'slots', 'css shadow parts', 'css custom properties']);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => [
          name,
          DOCUMENTED_ONLY.has(String(argType.table?.category)) ? { ...argType, control: false } : argType,
        ]),
      ),
  ],
  tags: ['autodocs'],
};

export default preview;
