// Screenshots a page in headless Chromium, light or dark, for a person to look at.
// Usage: node test/tools/screenshot.mjs URL OUT.png [--dark] [--width=1000] [--height=800] [--wait=ms]
import { chromium } from 'playwright-core';

const [url, out, ...flags] = process.argv.slice(2);
if (!url || !out) {
  console.error('Usage: node test/tools/screenshot.mjs URL OUT.png [--dark] [--width=1000] [--height=800] [--wait=ms]');
  process.exit(2);
}
const option = (name, fallback) => Number(flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({
    viewport: { width: option('width', 1000), height: option('height', 800) },
    colorScheme: flags.includes('--dark') ? 'dark' : 'light',
    reducedMotion: flags.includes('--reduced-motion') ? 'reduce' : 'no-preference',
  });
  page.on('console', (message) => console.log(`[console.${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => console.log(`[pageerror] ${error.message}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(option('wait', 500));
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
