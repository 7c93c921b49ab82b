// Browser test of the workbench (followsim serve) in headless Debian Chromium: the page loads
// and runs the scenario; a change of caseworkers reruns it and the verdict and a chart change;
// an invalid value gets the command line's message next to its field and nothing runs; the
// scenario YAML downloads with its comments and validates; a scenario file uploads and runs.
// Fails on any console error, page error or request that is not to 127.0.0.1.
// Usage: node workbench_test.mjs SOURCE_DIR URL FOLLOWSIM SCREENSHOT_DIR WORK_DIR
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';

const [sourceDir, url, followsim, screenshotDir, workDir] = process.argv.slice(2);
const require = createRequire(path.join(sourceDir, 'report', 'package.json'));
const { chromium } = require('playwright-core');

const problems = [];
let checks = 0;
function check(condition, what) {
  checks += 1;
  if (!condition) problems.push(`check failed: ${what}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
await context.route('**/*', (route) => {
  const target = new URL(route.request().url());
  const local = target.protocol === 'http:' && target.hostname === '127.0.0.1';
  if (local || target.protocol === 'data:' || target.protocol === 'blob:') return route.continue();
  problems.push(`request outside 127.0.0.1: ${target.href}`);
  return route.abort();
});
const page = await context.newPage();
page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
fs.mkdirSync(screenshotDir, { recursive: true });
const downloads = path.join(workDir, 'downloads');
fs.mkdirSync(downloads, { recursive: true });

const runTitle = () => page.textContent('#current-title');
async function waitForRun(n) {
  await page.waitForFunction((want) => {
    const title = document.querySelector('#current-title').textContent;
    return title.startsWith(`Run ${want} `) && document.querySelectorAll('#charts .chart svg').length > 0
      && document.querySelector('#progress').hidden;
  }, n, { timeout: 60000 });
}
// Every chart of a container drawn, as an SVG with a non-zero size.
async function chartsDrawn(container) {
  return page.$$eval(`#${container} .chart`, (charts) => charts.map((c) => {
    const svg = c.querySelector('svg');
    const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    return { id: c.dataset.chart, ok: box.width > 0 && box.height > 0 };
  }));
}
const npvChart = () => page.$eval('#charts-chart-npv svg', (svg) => svg.outerHTML);
const caseworkers = '#f-pathways-in_house-caseworkers';

try {
  // The page opens Heimdal and runs it as the file has it.
  await page.goto(url, { waitUntil: 'load' });
  await waitForRun(1);
  check((await page.textContent('#scenario-name')) === 'Heimdal core-tasks pilot', 'Heimdal is open');
  check((await page.inputValue(caseworkers)) === '6', 'the form shows the file\'s 6 caseworkers');
  const help = await page.textContent(`.field[data-path="pathways.in_house.caseworkers"] .help`);
  check(help.includes('150 users at about 25 each'), `the source comment is the field's help (${help})`);
  const unit = await page.textContent(`.field[data-path="pathways.in_house.caseworkers"] .unit`);
  check(unit === 'FTEs', `caseworkers are in FTEs (${unit})`);
  const first = { verdict: await page.textContent('#verdict'), npv: await npvChart() };
  check(first.verdict.includes('gives society the most'), `a verdict: ${first.verdict}`);
  const charts1 = await chartsDrawn('charts');
  check(charts1.length >= 5 && charts1.every((c) => c.ok), `every chart drawn: ${JSON.stringify(charts1)}`);

  // Two caseworkers instead of six: a new run, another verdict, another NPV chart.
  await page.fill(caseworkers, '2');
  await page.press(caseworkers, 'Tab');
  await waitForRun(2);
  const second = { verdict: await page.textContent('#verdict'), npv: await npvChart() };
  check(second.verdict !== first.verdict, 'the verdict changes with the caseworkers');
  check(second.npv !== first.npv, 'the NPV chart changes with the caseworkers');
  check((await page.textContent('#changes')).includes('Caseworkers: 2 (was 6)'), 'the run lists its change');
  // The two runs side by side.
  await page.waitForSelector('#compare-charts .chart svg', { timeout: 30000 });
  check((await page.$$('#runs li')).length === 2, 'two runs are kept');
  const compared = await chartsDrawn('compare-charts');
  check(compared.length === 2 && compared.every((c) => c.ok), `the comparison's charts: ${JSON.stringify(compared)}`);
  check((await page.textContent('#compare-table')).includes('run 1'), 'the comparison table names run 1');
  await page.screenshot({ path: path.join(screenshotDir, 'workbench.png') });
  await (await page.$('#history')).screenshot({ path: path.join(screenshotDir, 'workbench-compare.png') });

  // The scenario of run 2 downloads with its comments, the change marked, and validates.
  const [yaml] = await Promise.all([page.waitForEvent('download'), page.click('#downloads a:text-is("scenario.yaml")')]);
  const yamlPath = path.join(downloads, 'run2.yaml');
  await yaml.saveAs(yamlPath);
  const text = fs.readFileSync(yamlPath, 'utf8');
  check(/caseworkers: 2 +# followsim: workbench, was 6; assumption: 150 users at about 25 each/.test(text),
        'the download has the new value, the source comment and the mark');
  check(text.includes('# AFI 2016:05 (docs/model.md): 108 participants'), 'the download keeps the other comments');
  const valid = execFileSync(followsim, ['validate', yamlPath], { encoding: 'utf8', stdio: 'pipe' });
  check(valid.includes('valid'), `followsim validate takes the download: ${valid.trim()}`);
  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#downloads a:text-is("results.zip")')]);
  const zipPath = path.join(downloads, 'run2.zip');
  await zip.saveAs(zipPath);
  const bytes = fs.readFileSync(zipPath);
  check(bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04' && bytes.includes('report.html'),
        'results.zip is a zip archive with report.html');

  // An invalid value: the command line's located message next to the field; nothing runs.
  await page.fill(caseworkers, '-3');
  await page.press(caseworkers, 'Tab');
  const slot = `.field[data-path="pathways.in_house.caseworkers"] .problem`;
  await page.waitForFunction((s) => document.querySelector(s).textContent.length > 0, slot, { timeout: 10000 });
  const message = await page.textContent(slot);
  check(message === '--set pathways.in_house.caseworkers=-3: pathways.in_house.caseworkers: must be at least 0, found -3',
        `the message is the command line's: ${message}`);
  await page.waitForTimeout(800);
  check((await runTitle()).startsWith('Run 2 '), 'nothing ran for the invalid value');
  check((await page.$$('#runs li')).length === 2, 'still two runs');
  await page.screenshot({ path: path.join(screenshotDir, 'workbench-invalid.png') });

  // Another scenario, uploaded from a file: opened, its form drawn, run.
  await page.setInputFiles('#upload', path.join(sourceDir, 'tests', 'scenarios', 'valid_base.yaml'));
  await waitForRun(3);
  check((await page.textContent('#scenario-file')) === 'valid_base.yaml', 'the upload is open');
  check((await page.textContent('#current-title')).includes(' · base · '), 'run 3 is of the uploaded scenario');
  check((await page.inputValue(caseworkers)) === '4', 'the form shows the upload\'s 4 caseworkers');
  check((await page.$$(slot.replace(' .problem', '.invalid'))).length === 0, 'the old message is gone');
} catch (error) {
  problems.push(`error: ${error.message.split('\n')[0]}`);
  await page.screenshot({ path: path.join(screenshotDir, 'workbench-failure.png'), fullPage: true });
}
await browser.close();
for (const p of problems) console.log(`FAILED: ${p}`);
console.log(`${checks} checks, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
