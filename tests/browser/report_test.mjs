// Browser test of report.html: headless Chromium (Debian's) opens each report from a file,
// with every network request refused and recorded. The test fails on a console error, a page
// error, a network request, or a chart that did not render (an SVG or canvas with non-zero
// size in each chart's element). It saves a screenshot of each page.
// Usage: node report_test.mjs SOURCE_DIR SCREENSHOT_DIR REPORT.html [REPORT.html ...]
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';

const [sourceDir, screenshotDir, ...reports] = process.argv.slice(2);
const require = createRequire(path.join(sourceDir, 'report', 'package.json'));
const { chromium } = require('playwright-core');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
let passed = 0;
const fail = (report, what) => { failures += 1; console.log(`FAILED: ${report}: ${what}`); };

fs.mkdirSync(screenshotDir, { recursive: true });
for (const report of reports) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`network request: ${url}`);
    return route.abort();
  });
  await page.goto('file://' + path.resolve(report), { waitUntil: 'load' });
  const ids = await page.$$eval('.chart', (els) => els.map((e) => e.id));
  if (ids.length === 0) problems.push('no charts on the page');
  for (const id of ids) {
    try {
      await page.waitForSelector(`#${id} svg, #${id} canvas`, { timeout: 15000 });
      const box = await page.$eval(`#${id} svg, #${id} canvas`, (el) => {
        const r = el.getBoundingClientRect();
        return { width: r.width, height: r.height };
      });
      if (!(box.width > 0 && box.height > 0)) problems.push(`chart ${id} has zero size`);
    } catch (error) {
      problems.push(`chart ${id} did not render: ${error.message.split('\n')[0]}`);
    }
  }
  const name = path.basename(path.dirname(path.resolve(report)));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  if (problems.length) problems.forEach((p) => fail(report, p));
  else { passed += 1; console.log(`ok: ${report}: ${ids.length} charts rendered (${ids.join(', ')})`); }
  await page.close();
}
await browser.close();
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
