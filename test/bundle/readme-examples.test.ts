// Every ```html example in README.md, rendered as written from the built kit (dist/nn-kit.js),
// as a writer who copies it would: no console error, no inline error message, every element
// drawn, and every trainer learns (90% test accuracy for classes; the test loss at least
// halved for regression) in 300 epochs, fewer than 20 seconds of play gives a reader.
import { expect } from '@open-wc/testing';

type Trainer = HTMLElement & {
  updateComplete: Promise<unknown>;
  stepEpoch(): void;
  accuracy?: number;
  testLoss: number;
  epoch: number;
};

async function readmeExamples(): Promise<string[]> {
  const readme = await (await fetch('/README.md')).text();
  return [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/** A page made of the example: a whole page as it is, a fragment inside a minimal page; the kit from dist/. */
function pageOf(example: string): string {
  const kit = new URL('/dist/nn-kit.js', location.href).href;
  const withKit = example.replace(/src="nn-kit\.js"/g, `src="${kit}"`);
  const recorder = `<script>window.__errors = []; addEventListener('error', (e) => __errors.push(String(e.message)));
    const error = console.error; console.error = (...args) => { __errors.push(args.join(' ')); error(...args); };</script>`;
  if (/<html/i.test(withKit)) return withKit.replace(/<head>/i, `<head>${recorder}`);
  const script = withKit.includes(kit) ? '' : `<script type="module" src="${kit}"></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${recorder}${script}</head><body>${withKit}</body></html>`;
}

async function render(example: string): Promise<Window & { __errors: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 800px';
  frame.srcdoc = pageOf(example);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as Window & { __errors: string[] };
}

describe('README examples, as written, from the built kit', () => {
  it('README has html examples to check', async () => {
    expect((await readmeExamples()).length).to.be.greaterThan(5);
  });

  it('every example renders with no error, and every trainer learns', async function () {
    this.timeout(120_000);
    const examples = await readmeExamples();
    for (const [index, example] of examples.entries()) {
      const view = await render(example);
      const what = `example ${index + 1}: ${example.trim().split('\n')[0]}`;
      const kitElements = [...view.document.querySelectorAll<Trainer>('*')].filter((el) => el.localName.startsWith('nn-'));
      for (const element of kitElements) {
        await view.customElements.whenDefined(element.localName);
        await element.updateComplete;
      }
      for (const element of kitElements) {
        const message = element.shadowRoot!.querySelector('[part="error"], [role="alert"]')?.textContent?.trim();
        expect(message ?? '', `${what}: <${element.localName}> shows no message`).to.equal('');
        expect(element.getBoundingClientRect().height, `${what}: <${element.localName}> is drawn`).to.be.greaterThan(40);
      }
      for (const trainer of kitElements.filter((el) => el.localName === 'nn-trainer')) {
        const startLoss = trainer.testLoss;
        for (let epoch = 0; epoch < 300; epoch++) trainer.stepEpoch();
        await trainer.updateComplete;
        if (trainer.accuracy != null) expect(trainer.accuracy, `${what}: test accuracy`).to.be.at.least(0.9);
        else expect(trainer.testLoss, `${what}: test loss`).to.be.below(startLoss / 2);
      }
      expect(view.__errors, `${what}: console errors`).to.deep.equal([]);
    }
  });
});
