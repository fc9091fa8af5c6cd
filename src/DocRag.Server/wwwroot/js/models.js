// The models view: the embedding model and generator in use, the reduced modes, and the catalog.
import { $, el, replace } from './dom.js';
import { apiJson } from './api.js';
import { showProblem } from './problem.js';
import { formatBytes, formatCount, formatNumber } from './format.js';

const STATES = {
  ready: ['ok', 'In use'],
  loading: ['working', 'Loading'],
  notLoaded: ['working', 'Not loaded yet'],
  unavailable: ['off', 'None'],
  disabled: ['off', 'Turned off'],
  notFound: ['off', 'None found'],
  failed: ['failed', 'Failed to load'],
};

let visible = false;
let timer = null;
const listeners = new Set();

export function initModels() {
  $('#models-refresh').addEventListener('click', () => load());
}

/** Called with each /v1/models response (the chat view shows the reduced modes too). */
export function onModels(listener) {
  listeners.add(listener);
}

export function showModels() {
  visible = true;
  load();
}

export function hideModels() {
  visible = false;
  clearTimeout(timer);
}

export async function load() {
  clearTimeout(timer);
  try {
    const models = await apiJson('/v1/models');
    showProblem($('#models-error'), null);
    render(models);
    for (const listener of listeners) listener(models);
    // While a model loads, its state changes soon: look again.
    const loadingNow = [models.embedding.state, models.generator.state].some((s) => s === 'loading' || s === 'notLoaded');
    if (visible && loadingNow) timer = setTimeout(load, 2000);
    return models;
  } catch (error) {
    showProblem($('#models-error'), error);
    return null;
  }
}

function render(models) {
  replace($('#models-notices'), models.notices.map((notice) => el('p', { className: 'notice', role: 'note' }, notice)));
  const catalogEntry = (role) => models.catalog.find((m) => m.role === role && m.inUse)
    ?? models.local.find((m) => m.role === role && m.inUse);

  const e = models.embedding;
  const eCatalog = catalogEntry('embedding');
  facts($('#embedding-facts'), e.state, [
    ['Model', e.modelId ?? e.folder],
    ['Folder', e.folder && e.folder !== e.modelId ? e.folder : null],
    ['Size', eCatalog ? formatBytes(eCatalog.sizeBytes) : null],
    ['Languages', eCatalog?.languages],
    ['Dimension', e.dimensions ? formatNumber(e.dimensions) : null],
    ['Device', deviceName(e.device)],
    ['Search', models.searchMode === 'hybrid' ? 'Hybrid (keywords + meaning)' : 'Keyword only'],
    ['Why', e.state === 'ready' ? null : e.reason],
  ]);

  const g = models.generator;
  const gCatalog = catalogEntry('generator');
  facts($('#generator-facts'), g.state, [
    ['Model', g.modelId ?? g.file],
    ['File', g.file && g.file !== g.modelId ? g.file : null],
    ['Size', g.sizeBytes ? formatBytes(g.sizeBytes) : gCatalog ? formatBytes(gCatalog.sizeBytes) : null],
    ['Parameters', g.parameters ? formatCount(g.parameters) : null],
    ['Languages', gCatalog?.languages],
    ['Context', g.contextSize ? `${formatNumber(g.contextSize)} tokens${g.trainContextSize ? ` (trained ${formatNumber(g.trainContextSize)})` : ''}` : null],
    ['Device', g.device ? `${deviceName(g.device)}${g.gpuLayers ? `, ${g.gpuLayers} layers on GPU` : ''}` : null],
    ['Threads', g.threads ? formatNumber(g.threads) : null],
    ['Chat template', g.chatTemplate],
    ['Answers', models.answerMode === 'generative' ? 'Generated, with citations' : 'Extractive (quoted passages)'],
    ['Why', g.state === 'ready' ? null : g.reason],
  ]);

  replace($('#catalog-body'), models.catalog.map((m) => el('tr', { dataset: { name: m.name, state: m.state } },
    td('Model', [el('span', { className: 'doc-name' }, m.name), el('span', { className: 'doc-path' }, m.repository)]),
    td('Role', m.role === 'generator' ? 'Generator' : 'Embedding'),
    td('Languages', m.languages),
    td('Size', formatBytes(m.sizeBytes), 'num'),
    td('Licence', m.licence),
    td('Status', catalogState(m)))));

  $('#local-models').hidden = models.local.length === 0;
  replace($('#local-list'), models.local.map((m) => el('li', {},
    el('strong', {}, m.name), ` — ${m.role === 'generator' ? 'generator (GGUF)' : 'embedding (ONNX)'}, ${formatBytes(m.sizeBytes)}`,
    m.inUse ? el('span', { className: 'badge ok' }, 'In use') : null)));
}

/** "cpu" → "CPU", "cuda" → "GPU (CUDA)"; other names (a GPU's own) as they are. */
function deviceName(device) {
  if (!device) return null;
  if (/^cpu$/i.test(device)) return 'CPU';
  if (/^(cuda|gpu)$/i.test(device)) return `GPU (${device.toUpperCase()})`;
  return device;
}

/** A cell with one wrapper, so the narrow layout's label and the content sit side by side. */
function td(label, content, className = '') {
  return el('td', { className, dataset: { label } }, el('div', { className: 'cell' }, content));
}

function catalogState(model) {
  if (model.downloaded) {
    return [el('span', { className: `badge ${model.inUse ? 'ok' : 'neutral'}` }, model.inUse ? 'Downloaded · in use' : 'Downloaded')];
  }
  return [
    el('span', { className: 'badge off' }, model.state === 'partial' ? 'Partly downloaded' : 'Not downloaded'),
    el('code', { className: 'command' }, `docrag models pull ${model.name}`),
  ];
}

function facts(list, state, rows) {
  const [tone, label] = STATES[state] ?? ['neutral', state];
  replace(list,
    el('dt', {}, 'Status'), el('dd', {}, el('span', { className: `badge ${tone}`, dataset: { state } }, label)),
    rows.filter(([, value]) => value !== null && value !== undefined && value !== '')
      .map(([term, value]) => [el('dt', {}, term), el('dd', {}, String(value))]));
}
