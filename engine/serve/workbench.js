// followsim serve: the page's behaviour. The server does the work (engine/serve/workbench.cpp);
// this script draws the form it describes, sends changed values, follows the run and draws the
// results with the same Vega-Lite specs as report.html. No request leaves 127.0.0.1.
'use strict';

const TEXT = {
  en: {
    workbench: 'workbench', scenario: 'Scenario', open: 'Open a file:', runSettings: 'Run',
    replications: 'Replications', seed: 'Seed', run: 'Run', reset: 'Back to the file',
    figures: 'Key figures', history: 'Runs to compare', comparison: 'Side by side',
    queued: 'Waiting for a free worker…', running: 'Running', cancelled: 'Stopped by a newer change',
    failed: 'The run failed: ', runTitle: 'Run {n}', noChanges: 'The scenario as the file has it.',
    show: 'show', compare: 'compare', download: 'Download:', folder: 'Files in ',
    replicationsDone: 'replications', changedFrom: 'was', fileProblems: 'The file has problems; it was not opened:',
    unreachable: 'The server does not answer', tooLarge: 'The file is larger than the server takes ({n} bytes)',
    groups: {
      general: 'Scenario', staff: 'In-house caseworkers', purchases: 'Purchased measures and budget',
      effects: 'Effects', arms: 'Arms (strategies)', population: 'Job seekers',
      economics: 'Economics', other: 'Every other number of the file',
    },
  },
  nb: {
    workbench: 'arbeidsbenk', scenario: 'Scenario', open: 'Åpne en fil:', runSettings: 'Kjøring',
    replications: 'Replikasjoner', seed: 'Frø', run: 'Kjør', reset: 'Tilbake til filen',
    figures: 'Nøkkeltall', history: 'Kjøringer å sammenligne', comparison: 'Side om side',
    queued: 'Venter på en ledig arbeider …', running: 'Kjører', cancelled: 'Stoppet av en nyere endring',
    failed: 'Kjøringen feilet: ', runTitle: 'Kjøring {n}', noChanges: 'Scenarioet slik filen har det.',
    show: 'vis', compare: 'sammenlign', download: 'Last ned:', folder: 'Filene ligger i ',
    replicationsDone: 'replikasjoner', changedFrom: 'var', fileProblems: 'Filen har feil og ble ikke åpnet:',
    unreachable: 'Serveren svarer ikke', tooLarge: 'Filen er større enn serveren tar imot ({n} byte)',
    groups: {
      general: 'Scenario', staff: 'NAV-kontorets veiledere', purchases: 'Kjøpte tiltak og budsjett',
      effects: 'Effekter', arms: 'Alternativer', population: 'Arbeidssøkere',
      economics: 'Økonomi', other: 'Alle andre tall i filen',
    },
  },
};
const T = TEXT[document.body.dataset.lang] || TEXT.en;
const $ = (id) => document.getElementById(id);

let fields = [];          // the form, as the server describes it
let maxRequestBytes = Infinity;
let latestJob = 0;        // the job whose progress is shown
let shownRun = 0;
let polling = false;
let runTimer = 0;
const views = {};         // chart container id -> vega view, finalized before a redraw
const compared = new Set();   // runs shown side by side
const known = new Set();      // runs listed before: a new one joins the comparison
const COMPARED_AT_ONCE = 4;

function text(key, values = {}) {
  return String(T[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => values[k]);
}

for (const el of document.querySelectorAll('[data-text]')) el.textContent = text(el.dataset.text);

// A request to the server; its JSON answer, or {error} when there is none (a refused request,
// a stopped server).
async function api(path, body) {
  const options = body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  };
  try {
    const response = await fetch(path, options);
    return await response.json().catch(() => ({ error: `${response.status} ${response.statusText}` }));
  } catch (error) {
    return { error: `${text('unreachable')} (${error.message})` };
  }
}

function element(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

// ---- the form ----

function drawForm(state) {
  const scenario = state.scenario;
  $('scenario-name').textContent = scenario ? scenario.name : '';
  $('scenario-file').textContent = scenario ? scenario.file : '';
  const select = $('shipped');
  select.replaceChildren(element('option', { value: '', text: '…' }),
    ...state.shipped.map((n) => element('option', { value: n, text: n })));
  select.value = scenario ? scenario.shipped : '';
  maxRequestBytes = state.limits.max_request_bytes;
  $('replications').value = $('replications').value || state.defaults.replications;
  $('seed').value = $('seed').value || state.defaults.seed;

  fields = state.fields;
  const container = $('fields');
  container.replaceChildren();
  const groups = new Map();
  for (const f of fields) {
    if (!groups.has(f.group)) {
      const legend = T.groups[f.group] || f.group;
      const box = f.group === 'other'
        ? element('details', {}, element('summary', { text: legend }))
        : element('fieldset', {}, element('legend', { text: legend }));
      groups.set(f.group, box);
      container.append(box);
    }
    groups.get(f.group).append(fieldElement(f));
  }
}

function fieldElement(f) {
  const id = 'f-' + f.path.replace(/[^A-Za-z0-9_-]/g, '-');
  let input;
  if (f.kind === 'choice') {
    input = element('select', { id, name: f.path });
    for (const c of f.choices) input.append(element('option', { value: c, text: c }));
  } else {
    input = element('input', { id, name: f.path, inputmode: f.kind === 'integer' ? 'numeric' : 'decimal' });
  }
  input.value = f.value;
  input.dataset.original = f.value;
  input.addEventListener('change', () => {
    box.classList.toggle('changed', input.value !== f.value);
    scheduleRun();
  });
  const help = f.help || f.description;
  const box = element('div', { class: 'field', 'data-path': f.path },
    element('label', { for: id, text: f.label, title: f.path }),
    element('div', { class: 'input' }, input, f.unit ? element('span', { class: 'unit', text: f.unit }) : null),
    help ? element('small', { class: 'help', text: help, title: f.description || '' }) : null,
    element('div', { class: 'problem', role: 'alert' }));
  return box;
}

function formValues() {
  const values = {};
  for (const f of fields) {
    const input = document.querySelector(`.field[data-path="${CSS.escape(f.path)}"] [name]`);
    if (input && input.value !== f.value) values[f.path] = input.value.trim();
  }
  return values;
}

function whole(value) {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}

function clearProblems() {
  for (const el of document.querySelectorAll('.field')) {
    el.classList.remove('invalid');
    el.querySelector('.problem').textContent = '';
  }
  $('form-problems').textContent = '';
}

// Each problem next to its field (the field whose key path it names, or one inside or around
// it); the others above the form.
function showProblems(problems) {
  const rest = [];
  for (const p of problems) {
    const boxes = [...document.querySelectorAll('.field')];
    const box = p.path && (boxes.find((b) => b.dataset.path === p.path)
      || boxes.find((b) => b.dataset.path.startsWith(p.path + '.') || p.path.startsWith(b.dataset.path + '.')));
    if (box) {
      box.classList.add('invalid');
      const slot = box.querySelector('.problem');
      slot.textContent = (slot.textContent ? slot.textContent + '\n' : '') + p.text;
    } else {
      rest.push(p.text);
    }
  }
  $('form-problems').textContent = rest.join('\n');
}

// ---- runs ----

function scheduleRun() {
  clearTimeout(runTimer);
  runTimer = setTimeout(startRun, 250);
}

async function startRun() {
  clearTimeout(runTimer);
  clearProblems();
  const reply = await api('/api/run', {
    values: formValues(), replications: whole($('replications').value), seed: whole($('seed').value),
  });
  if (reply.problems) {
    showProblems(reply.problems);
    return;
  }
  if (reply.error) {
    $('form-problems').textContent = reply.error;
    return;
  }
  latestJob = reply.job;
  follow();
}

async function follow() {
  if (polling) return;
  polling = true;
  try {
    for (;;) {
      const { job, error } = await api('/api/status');
      if (error) $('progress-text').textContent = error;
      if (!job) break;
      showProgress(job);
      if (job.id === latestJob && job.state === 'done') {
        await showRun(job.run);
        await drawHistory();
        break;
      }
      if (job.id === latestJob && (job.state === 'failed' || job.state === 'cancelled')) break;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  } finally {
    polling = false;
  }
}

function showProgress(job) {
  const box = $('progress');
  box.hidden = job.state === 'done';
  const bar = $('progress-bar');
  bar.max = Math.max(job.total, 1);
  bar.value = job.done;
  const label = job.state === 'running'
    ? `${text('running')}: ${job.done} / ${job.total || '…'} ${text('replicationsDone')}`
    : job.state === 'failed' ? text('failed') + job.error : text(job.state);
  $('progress-text').textContent = label;
}

async function embed(containerId, charts) {
  const container = $(containerId);
  for (const id of Object.keys(views)) {
    if (id.startsWith(containerId + ':')) {
      views[id].finalize();
      delete views[id];
    }
  }
  container.replaceChildren();
  for (const { id, spec } of charts) {
    const div = element('div', { class: 'chart', id: `${containerId}-${id}` });
    div.dataset.chart = id;
    container.append(div);
    try {
      const result = await vegaEmbed(div, spec, { actions: false, renderer: 'svg' });
      views[`${containerId}:${id}`] = result;
    } catch (error) {
      console.error(`chart ${id} failed: ${error}`);
      div.textContent = 'This chart could not be drawn: ' + error;
    }
  }
}

function changeList(changes) {
  if (!changes.length) return [element('li', { text: text('noChanges') })];
  return changes.map((c) => element('li', { text: `${c.label}: ${c.text} (${text('changedFrom')} ${c.was})` }));
}

async function showRun(id) {
  const run = await api(`/api/runs/${id}`);
  if (run.error) return;
  shownRun = id;
  $('current').hidden = false;
  $('current-title').textContent = `${text('runTitle', { n: run.id })} · ${run.scenario} · ${run.replications} ${text('replicationsDone')}`;
  $('verdict').textContent = run.verdict;
  $('changes').replaceChildren(...changeList(run.changes));
  const links = run.files.filter((f) => !f.endsWith('.csv') && f !== 'summary.json');
  $('downloads').replaceChildren(element('span', { text: text('download') + ' ' }),
    ...links.map((f) => element('a', { href: `/download/${run.id}/${f}`, download: '', text: f })),
    element('span', { class: 'unit', text: ' ' + text('folder') + run.folder }));
  $('figures').innerHTML = run.figures_html;        // escaped by the server (report_page.cpp)
  $('subgroups').innerHTML = run.subgroups_html;
  await embed('charts', run.charts);
  for (const li of document.querySelectorAll('#runs li')) li.classList.toggle('shown', Number(li.dataset.run) === id);
}

async function drawHistory() {
  const state = await api('/api/state');
  const list = $('runs');
  const ids = new Set(state.runs.map((r) => r.id));
  for (const id of [...compared]) if (!ids.has(id)) compared.delete(id);
  for (const r of state.runs) {
    if (known.has(r.id)) continue;
    known.add(r.id);
    compared.add(r.id);
    if (compared.size > COMPARED_AT_ONCE) compared.delete(Math.min(...compared));
  }
  list.replaceChildren(...state.runs.slice().reverse().map((r) => {
    const box = element('input', { type: 'checkbox', title: text('compare') });
    box.checked = compared.has(r.id);
    box.addEventListener('change', () => {
      if (box.checked) compared.add(r.id); else compared.delete(r.id);
      drawComparison();
    });
    const show = element('button', { type: 'button', text: text('show') });
    show.addEventListener('click', () => showRun(r.id));
    const changes = r.changes.length ? r.changes.map((c) => `${c.label} ${c.text}`).join('; ') : text('noChanges');
    const li = element('li', { 'data-run': r.id },
      element('label', {}, box, ` ${text('runTitle', { n: r.id })} · ${r.scenario} · ${changes}`), show,
      element('span', { class: 'run-verdict', text: r.verdict }));
    li.classList.toggle('shown', r.id === shownRun);
    return li;
  }));
  $('history').hidden = state.runs.length === 0;
  await drawComparison();
}

async function drawComparison() {
  const ids = [...compared].sort((a, b) => a - b);
  $('comparison').hidden = ids.length < 2;
  if (ids.length < 2) return;
  const reply = await api(`/api/compare?runs=${ids.join(',')}`);
  if (reply.error) return;
  $('compare-table').innerHTML = reply.table_html;  // escaped by the server
  await embed('compare-charts', reply.charts);
}

// ---- opening scenarios ----

async function opened(reply) {
  $('open-problems').textContent = '';
  if (reply.problems) {
    $('open-problems').textContent = [text('fileProblems'), ...reply.problems.map((p) => p.text)].join('\n');
    return;
  }
  if (reply.error) {
    $('open-problems').textContent = reply.error;
    return;
  }
  drawForm(await api('/api/state'));
  await startRun();
}

$('shipped').addEventListener('change', async (event) => {
  if (event.target.value) await opened(await api('/api/open', { name: event.target.value }));
});

$('upload').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  if (file.size > maxRequestBytes / 2) {  // JSON escaping may double it
    $('open-problems').textContent = text('tooLarge', { n: maxRequestBytes / 2 });
    event.target.value = '';
    return;
  }
  await opened(await api('/api/open', { filename: file.name, text: await file.text() }));
  event.target.value = '';
});

$('form').addEventListener('submit', (event) => {
  event.preventDefault();
  startRun();
});

$('reset').addEventListener('click', () => {
  for (const f of fields) {
    const box = document.querySelector(`.field[data-path="${CSS.escape(f.path)}"]`);
    box.querySelector('[name]').value = f.value;
    box.classList.remove('changed');
  }
  startRun();
});

for (const id of ['replications', 'seed']) $(id).addEventListener('change', scheduleRun);

// On load: the session's scenario; its latest run, or a first run of the file as it is.
(async () => {
  const state = await api('/api/state');
  drawForm(state);
  if (state.runs.length) {
    await showRun(state.runs[state.runs.length - 1].id);
    await drawHistory();
  } else if (state.scenario) {
    await startRun();
  }
})();
