// The documents view: the list with status, live indexing progress (polling /v1/index/status), delete.
import { $, el, replace } from './dom.js';
import { apiFetch, apiJson } from './api.js';
import { showProblem } from './problem.js';
import { formatDate, formatNumber, plural } from './format.js';
import { refreshCollections } from './collections.js';
import { pendingCount, pendingFiles, settleUploads } from './uploader.js';

const PAGE = 100;
const FAST_POLL_MS = 800;
const SLOW_POLL_MS = 4000;

let limit = PAGE;
let visible = false;
let timer = null;
let lastSignature = '';
let loading = null;

export function initDocuments() {
  $('#documents-refresh').addEventListener('click', () => refresh());
  $('#documents-more-button').addEventListener('click', () => {
    limit += PAGE;
    refresh();
  });
  window.addEventListener('docrag:uploaded', () => poll());
}

export function showDocuments() {
  visible = true;
  refresh();
  poll();
}

export function hideDocuments() {
  visible = false;
  clearTimeout(timer);
}

/** Reloads the list (one request at a time; a call while one runs waits for it and reloads again). */
export async function refresh() {
  if (loading) await loading;
  loading = load().finally(() => {
    loading = null;
  });
  return loading;
}

async function load() {
  try {
    const list = await apiJson(`/v1/documents?limit=${limit}`);
    showProblem($('#documents-error'), null);
    render(list);
  } catch (error) {
    showProblem($('#documents-error'), error);
  }
}

/** Polls the index status: fast while indexing or uploads wait, slowly otherwise; reloads the list on change. */
async function poll() {
  clearTimeout(timer);
  if (!visible) return;
  let busy = pendingCount() > 0;
  try {
    const status = await apiJson('/v1/index/status');
    renderStatus(status);
    busy ||= status.state === 'indexing';
    const c = status.counts;
    const signature = [status.state, c.documents, c.indexed, c.failed, c.pending, c.chunks, status.lastRun?.finishedAt].join('|');
    if (signature !== lastSignature) {
      lastSignature = signature;
      await Promise.all([refresh(), settleUploads(), refreshCollections().catch(() => {})]);
    } else if (pendingCount() > 0) {
      await settleUploads();
    }
  } catch (error) {
    replace($('#index-status'), el('span', { className: 'muted' }, `Indexing status unavailable: ${error.message}`));
  }
  if (visible) timer = setTimeout(poll, busy ? FAST_POLL_MS : SLOW_POLL_MS);
}

function renderStatus(status) {
  const box = $('#index-status');
  const c = status.counts;
  const parts = [];
  box.dataset.state = status.state;
  if (status.state === 'indexing') {
    const p = status.progress;
    const label = p
      ? `Indexing ${p.collection}: ${p.phase}${p.filesTotal ? `, ${p.filesDone} of ${p.filesTotal} files` : ''}${p.currentFile ? ` (${p.currentFile})` : ''}`
      : `Indexing${status.running ? ` ${status.running}` : ''}…`;
    parts.push(el('span', { className: 'badge working' }, 'Indexing'), ' ', label);
    if (p?.filesTotal) parts.push(el('progress', { max: p.filesTotal, value: p.filesDone, 'aria-label': 'Indexing progress' }));
    if (status.queued?.length) parts.push(el('span', { className: 'muted' }, ` Waiting: ${status.queued.join(', ')}`));
  } else {
    parts.push(el('span', { className: 'badge ok' }, 'Idle'), ' ');
  }
  parts.push(el('span', { className: 'counts' },
    `${plural(c.documents, 'document')} · ${formatNumber(c.indexed)} indexed · ${formatNumber(c.failed)} failed`
    + `${c.pending ? ` · ${formatNumber(c.pending)} waiting` : ''} · ${plural(c.chunks, 'chunk')}`));
  if (status.lastError) parts.push(el('p', { className: 'problem' }, `The last sync failed: ${status.lastError}`));
  replace(box, parts);
}

function render(list) {
  const body = $('#documents-body');
  const rows = [...pendingRows(list.items), ...list.items.map(row)];
  body.replaceChildren(...rows);
  $('#documents-empty').hidden = rows.length > 0;
  $('#documents-table').hidden = rows.length === 0;
  $('#documents-more').hidden = list.total <= list.items.length;
}

/** Uploaded files not yet in the list, shown as "in progress". */
function pendingRows(items) {
  const listed = new Set(items.map((d) => `${d.collection}\u0000${d.path}\u0000${d.sha256}`));
  return pendingFiles()
    .filter((f) => !listed.has(`${f.collection}\u0000${f.path}\u0000${f.sha256}`))
    .map((f) => el('tr', { className: 'pending', dataset: { path: f.path, collection: f.collection } },
      cell('Document', el('span', { className: 'doc-name' }, f.path)),
      cell('Collection', f.collection),
      cell('Status', el('span', { className: 'badge working' }, 'In progress'), el('span', { className: 'reason' }, 'waiting to be indexed')),
      cell('Pages', '—', 'num'), cell('Chunks', '—', 'num'), cell('Indexed', '—'), cell('', '')));
}

function row(doc) {
  const status = doc.status === 'indexed'
    ? [el('span', { className: 'badge ok' }, 'Indexed')]
    : [el('span', { className: 'badge failed' }, doc.status === 'failed' ? `Failed: ${doc.error ?? 'error'}` : doc.status),
      doc.reason ? el('span', { className: 'reason' }, doc.reason) : null];
  if (doc.note) status.push(el('span', { className: 'note' }, doc.note));
  const name = doc.title && doc.title !== doc.name ? doc.title : doc.name;
  return el('tr', { dataset: { id: doc.id, status: doc.status, path: doc.path, collection: doc.collection } },
    cell('Document',
      el('span', { className: 'doc-name' }, name),
      el('span', { className: 'doc-path' }, `${doc.path} · ${doc.type.toUpperCase()}${doc.language && doc.language !== 'other' ? ` · ${doc.language}` : ''}`)),
    cell('Collection', doc.collection),
    cell('Status', ...status),
    cell('Pages', formatNumber(doc.pages), 'num'),
    cell('Chunks', formatNumber(doc.chunkCount), 'num'),
    cell('Indexed', el('time', { dateTime: doc.indexedAt }, formatDate(doc.indexedAt))),
    cell('', el('button', { type: 'button', className: 'danger small', 'aria-label': `Delete ${doc.name}`, onclick: () => remove(doc) }, 'Delete')));
}

function cell(label, ...content) {
  const last = content.at(-1);
  const className = last === 'num' ? 'num' : '';
  if (className) content.pop();
  // One wrapper, so the narrow layout's label and the content sit side by side.
  return el('td', { className, dataset: { label } }, el('div', { className: 'cell' }, content));
}

async function remove(doc) {
  const dialog = $('#confirm-dialog');
  replace($('#confirm-text'), 'Delete ', el('strong', {}, doc.name), ` from collection ${doc.collection}? `,
    'Its file is removed from the collection folder as well, so it will not come back on the next sync.');
  dialog.returnValue = '';
  dialog.showModal();
  await new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
  if (dialog.returnValue !== 'confirm') return;
  try {
    await apiFetch(`/v1/documents/${doc.id}`, { method: 'DELETE' });
    showProblem($('#documents-error'), null);
    lastSignature = '';
    await refresh();
    poll();
    $('#documents-heading').focus();
  } catch (error) {
    showProblem($('#documents-error'), error);
  }
}
