// Takes the README's pictures from the README itself: each picture is the first nn-kit
// element of the ```html example just above it, rendered as written from the built kit
// (run `npm run build` first), trainers after 300 epochs, loss surfaces after 30 steps,
// recurrent networks after 600 steps, at step 5, with a sample written. Usage: node test/tools/readme-images.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const readme = readFileSync('README.md', 'utf8');
const ORIGIN = 'http://nn-kit.example';

/** Each picture with the html example closest above it. */
const pictures = [...readme.matchAll(/!\[[^\]]*\]\((stories\/images\/[\w-]+\.png)\)/g)].map((match) => {
  const before = readme.slice(0, match.index);
  const examples = [...before.matchAll(/```html\n([\s\S]*?)```/g)];
  return { path: match[1], example: examples.at(-1)[1] };
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const { path, example } of pictures) {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 }, deviceScaleFactor: 1 });
    // The page, and the built kit beside it: dist/nn-kit.js (the loader) and dist/kit/.
    await page.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith('.js')
        ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(`dist${new URL(route.request().url()).pathname}`) })
        : route.fulfill({
            contentType: 'text/html',
            body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="nn-kit.js"></script>
              <style>body{margin:0;padding:16px;width:760px;font-family:system-ui,sans-serif;background:#fff}</style></head>
              <body>${example.replace(/<script type="module" src="nn-kit\.js"><\/script>/, '')}</body></html>`,
          }),
    );
    await page.goto(`${ORIGIN}/page.html`, { waitUntil: 'load' });
    await page.evaluate(async () => {
      const elements = [...document.body.querySelectorAll('*')].filter((el) => el.localName.startsWith('nn-'));
      for (const el of elements) {
        await customElements.whenDefined(el.localName);
        await el.updateComplete;
      }
      for (const trainer of document.querySelectorAll('nn-trainer')) {
        for (let i = 0; i < 300; i++) trainer.stepEpoch();
        await trainer.updateComplete;
      }
      for (const surface of document.querySelectorAll('nn-loss-surface')) {
        for (let i = 0; i < 30; i++) surface.step();
        await surface.updateComplete;
      }
      for (const digits of document.querySelectorAll('nn-digits')) {
        await digits.ready;
        const stopped = new Promise((resolve) => digits.addEventListener('nn-stopped', resolve, { once: true }));
        digits.play();
        if (digits.playing) await stopped;
        digits.shadowRoot.querySelectorAll('.samples button')[7]?.click();
        await digits.updateComplete;
      }
      for (const rnn of document.querySelectorAll('nn-rnn')) {
        for (let i = 0; i < 600; i++) rnn.step();
        const time = rnn.shadowRoot.querySelector('.time input');
        time.value = '5';
        time.dispatchEvent(new Event('input'));
        rnn.shadowRoot.querySelector('button.sample')?.click();
        await rnn.updateComplete;
      }
    });
    await page.waitForTimeout(800);
    const tag = path.match(/(nn-[a-z]+(?:-[a-z]+)*?)(?:-classes)?\.png$/)[1];
    await page.locator(tag).first().screenshot({ path });
    console.log(`saved ${path} from: ${example.trim().split('\n')[0]}`);
    await page.close();
  }
} finally {
  await browser.close();
}
