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
interface Named {
  name: string;
}

/**
 * The manifest for readers of the docs: attributes, public properties, events, slots,
 * CSS parts and custom properties of each element become Storybook's controls and docs
 * tables. Left out: private and protected members (lit's internal state), and properties
 * that have an attribute, which the attributes table already shows (under the name a
 * writer types, e.g. `learning-rate` rather than `learningRate`).
 *
 * Storybook keys every row by its bare name, so a CSS part named like an attribute or a
 * property (`inputs` on <nn-network>, `loss` and `network` on <nn-trainer>) would replace
 * that row and its control. Parts are listed as the selector a writer types instead:
 * `::part(inputs)`.
 */
function publicApi(full: Manifest): Manifest {
  return {
    ...full,
    modules: full.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        const { members, cssParts } = declaration as { members?: Member[]; cssParts?: Named[] };
        return {
          ...declaration,
          ...(members && { members: members.filter((member) => !member.privacy && !member.static && !member.attribute) }),
          ...(cssParts && { cssParts: cssParts.map((part) => ({ ...part, name: `::part(${part.name})` })) }),
        };
      }),
    })),
  };
}

setCustomElementsManifest(publicApi(manifest));

/**
 * Categories documented in the tables but not settable from the Controls panel. The
 * "properties" left after publicApi() are read-only (z, epoch, trainLoss…) or hold objects
 * made in a script (a core Network); a control could only break them.
 */
const DOCUMENTED_ONLY = new Set(['properties', 'events', 'slots', 'css shadow parts', 'css custom properties']);

/**
 * The analyzer copies each default from the source as written, so some are code
 * (`DEFAULT_CONTROLS`, `[...DEFAULTS.inputs]`) rather than a value. Those are left out of the
 * table; the description of each attribute says its default in words.
 */
function isLiteral(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text.replace(/'/g, '"'));
    return true;
  } catch {
    return false;
  }
}

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => {
          let next = DOCUMENTED_ONLY.has(String(argType.table?.category)) ? { ...argType, control: false as const } : argType;
          const summary = next.table?.defaultValue?.summary;
          if (summary !== undefined && !isLiteral(summary)) next = { ...next, table: { ...next.table, defaultValue: undefined } };
          return [name, next];
        }),
      ),
  ],
  tags: ['autodocs'],
};

export default preview;
