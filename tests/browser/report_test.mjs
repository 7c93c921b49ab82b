// Browser test of report.html: headless Chromium (Debian's) opens each report from a file at
// 1366x768, with every network request refused and recorded. The test fails on a console
// error, a page error, a network request, a chart that did not render or has no marks, a label
// cut short ("…") or drawn outside its chart, or a verdict and key figures not on the first
// screen. It saves a screenshot of each page (whole) and of its first screen.
// Usage: node report_test.mjs SOURCE_DIR SCREENSHOT_DIR REPORT.html [REPORT.html ...]
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';

const [sourceDir, screenshotDir, ...reports] = process.argv.slice(2);
const require = createRequire(path.join(sourceDir, 'report', 'package.json'));
const { chromium } = require('playwright-core');

const width = 1366;
const height = 768;
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
  const page = await browser.newPage({ viewport: { width, height } });
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
      // Something drawn: Vega's marks are paths (bars, lines, areas, points, rules) in
      // groups of role mark.
      const marks = await page.$$eval(`#${id} svg .role-mark path, #${id} svg .role-mark line`,
        (els) => els.length);
      if (marks === 0) problems.push(`chart ${id} is empty`);
      // Labels whole and inside the chart.
      const cut = await page.$eval(`#${id} svg`, (svg) => {
        const frame = svg.getBoundingClientRect();
        const bad = [];
        for (const t of svg.querySelectorAll('text')) {
          const s = t.textContent || '';
          const r = t.getBoundingClientRect();
          if (s.endsWith('…')) bad.push(`"${s}" is cut short`);
          else if (s && (r.left < frame.left - 1 || r.right > frame.right + 1)) bad.push(`"${s}" lies outside the chart`);
        }
        return bad;
      });
      cut.forEach((c) => problems.push(`chart ${id}: label ${c}`));
    } catch (error) {
      problems.push(`chart ${id} did not render: ${error.message.split('\n')[0]}`);
    }
  }
  // The answer and the key figures on the first screen (an optimisation's answer is its best
  // split).
  const optimise = (await page.$('#best-split')) !== null;
  const first = optimise ? [['#best-split', 'the best split']]
    : [['#verdict', 'the verdict'], ['#key-figures', 'the key figures']];
  for (const [selector, what] of first) {
    const r = await page.$eval(selector, (el) => {
      const b = el.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom };
    }).catch(() => null);
    if (!r) problems.push(`${what} missing`);
    else if (selector === '#key-figures' ? r.top > height - 60 : r.bottom > height) {
      problems.push(`${what} not on the first screen (${Math.round(r.top)}-${Math.round(r.bottom)} px)`);
    }
  }
  const name = path.basename(path.dirname(path.resolve(report)));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}-first-screen.png`) });
  if (problems.length) problems.forEach((p) => fail(report, p));
  else { passed += 1; console.log(`ok: ${report}: ${ids.length} charts rendered (${ids.join(', ')})`); }
  await page.close();
}
await browser.close();
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
