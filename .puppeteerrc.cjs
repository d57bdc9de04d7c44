/**
 * Puppeteer drives Debian's Firefox ESR in the browser tests (web-test-runner.config.js)
 * and never downloads a browser of its own, so `npm install` works on machines that
 * cannot fetch one.
 * @type {import('puppeteer').Configuration}
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
