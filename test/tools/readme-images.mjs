// Takes the README's pictures of each element from stories/pages/readme.html, which the
// dev server must be serving (npm start). Usage: node test/tools/readme-images.mjs [BASE_URL]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:5173';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/stories/pages/readme.html`, { waitUntil: 'networkidle' });
  await page.evaluate(async () => {
    const trainer = document.querySelector('nn-trainer');
    await customElements.whenDefined('nn-trainer');
    await trainer.updateComplete;
    for (let i = 0; i < 300; i++) trainer.stepEpoch();
    await trainer.updateComplete;
  });
  await page.waitForTimeout(800);
  for (const [id, name] of [['neuron', 'nn-neuron'], ['plot', 'nn-activation-plot'], ['network', 'nn-network'], ['trainer', 'nn-trainer']]) {
    await page.locator(`#${id}`).screenshot({ path: `stories/images/${name}.png` });
    console.log(`saved stories/images/${name}.png`);
  }
} finally {
  await browser.close();
}
