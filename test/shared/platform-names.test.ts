// Frameworks set a property when the element has one of that name (React 19, Vue, Svelte)
// and Markdown pipelines rewrite attributes they know (rehype-raw turns `dataset` into
// `data-set`). So no attribute of the kit may be a global HTML attribute, and no property
// may shadow a member that every HTML element already has (`hidden`, `dataset`, `animate`…).
import { expect } from '@open-wc/testing';
import '../../components/index.js';

const TAGS = ['nn-neuron', 'nn-activation-plot', 'nn-network', 'nn-trainer', 'nn-loss-surface', 'nn-convolution', 'nn-backprop', 'nn-rnn', 'nn-attention', 'nn-digits'];

/** The global attributes of the HTML standard (with the event handlers, matched below as on*). */
const GLOBAL_ATTRIBUTES = new Set([
  'accesskey', 'autocapitalize', 'autocorrect', 'autofocus', 'class', 'contenteditable', 'dir',
  'draggable', 'enterkeyhint', 'hidden', 'id', 'inert', 'inputmode', 'is', 'itemid', 'itemprop',
  'itemref', 'itemscope', 'itemtype', 'lang', 'nonce', 'part', 'popover', 'role', 'slot',
  'spellcheck', 'style', 'tabindex', 'title', 'translate', 'writingsuggestions',
  // Names that hast (rehype-raw) maps to a property of another name.
  'dataset',
]);

type LitClass = CustomElementConstructor & { observedAttributes: string[]; elementProperties: Map<PropertyKey, unknown> };

/** Members of a plain HTML element, through its whole prototype chain. */
function platformMembers(): Set<string> {
  const names = new Set<string>();
  for (let proto: object | null = HTMLElement.prototype; proto; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  return names;
}

describe('attribute and property names', () => {
  const members = platformMembers();
  for (const tag of TAGS) {
    it(`<${tag}> uses no global attribute and shadows no HTMLElement member`, () => {
      const element = customElements.get(tag) as LitClass;
      const attributes = element.observedAttributes;
      expect(attributes.length, 'the element has attributes').to.be.greaterThan(0);
      const globalOnes = attributes.filter((name) => GLOBAL_ATTRIBUTES.has(name) || /^on/.test(name) || name.startsWith('data-') || name.startsWith('aria-'));
      expect(globalOnes, 'attributes that are global HTML attributes').to.deep.equal([]);
      // React and Svelte set a property when `name in element`: `animate="…"` would replace Element.animate().
      const camel = (name: string) => name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
      expect(attributes.filter((name) => members.has(camel(name))), 'attributes named like an HTMLElement member').to.deep.equal([]);
      const properties = [...element.elementProperties.keys()].map(String);
      expect(properties.filter((name) => members.has(name)), 'properties that shadow an HTMLElement member').to.deep.equal([]);
    });
  }
});
