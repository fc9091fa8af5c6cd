// The upload form: drag and drop or the file picker, progress per batch, then "in progress" until indexed.
import { $, el, replace } from './dom.js';
import { apiJson } from './api.js';
import { uploadFiles } from './upload.js';
import { problemNodes } from './problem.js';
import { onCollections } from './collections.js';
import { formatBytes } from './format.js';

const batches = [];

export function initUploader() {
  const zone = $('#dropzone');
  const input = $('#file-input');
  input.addEventListener('change', () => {
    if (input.files.length) start([...input.files]);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    if (![...event.dataTransfer.types].includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove('over');
  });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const files = [...event.dataTransfer.files];
    if (files.length) start(files);
  });
  // A file dropped elsewhere on the page must not navigate away from it.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());

  onCollections((list) => {
    const names = list.items.map((c) => c.name);
    replace($('#collection-names'), names.map((name) => el('option', { value: name })));
    const field = $('#upload-collection');
    if (!field.value) field.value = list.defaultCollection ?? names[0] ?? 'documents';
  });
}

/** Files uploaded and not yet listed by the index. */
export function pendingFiles() {
  return batches.flatMap((b) => b.waiting);
}

export function pendingCount() {
  return pendingFiles().length;
}

/** Checks each batch's files against the index (the upload's own filtered list) and reports those that are done. */
export async function settleUploads() {
  await Promise.all(batches.filter((b) => b.waiting.length).map(async (batch) => {
    try {
      const list = await apiJson(batch.location);
      const done = list.items.filter((d) => batch.waiting.some((f) => f.path === d.path && f.sha256 === d.sha256));
      batch.finished.push(...done);
      batch.waiting = batch.waiting.filter((f) => !done.some((d) => d.path === f.path));
      showBatch(batch);
    } catch {
      // The next poll tries again.
    }
  }));
}

async function start(files) {
  const collection = $('#upload-collection').value.trim();
  const onConflict = $('#upload-conflict').value;
  const size = files.reduce((sum, f) => sum + f.size, 0);
  const label = files.length === 1 ? files[0].name : `${files.length} files`;
  const batch = { waiting: [], finished: [], location: null, label };
  batch.progress = el('progress', { max: 100, value: 0, 'aria-label': `Upload of ${label}` });
  batch.status = el('span', { className: 'upload-status' }, `Uploading ${formatBytes(size)}…`);
  batch.item = el('li', { className: 'upload' }, el('span', { className: 'upload-name' }, label), batch.progress, batch.status);
  $('#uploads').prepend(batch.item);
  try {
    const response = await uploadFiles(files, {
      collection,
      onConflict,
      onProgress: (fraction) => {
        batch.progress.value = Math.round(fraction * 100);
      },
    });
    batch.progress.value = 100;
    batch.location = response.location;
    batch.waiting = response.files.map((f) => ({ collection: response.collection, path: f.path, sha256: f.sha256, outcome: f.outcome }));
    batches.push(batch);
    showBatch(batch);
    window.dispatchEvent(new Event('docrag:uploaded'));
  } catch (error) {
    batch.progress.remove();
    batch.item.classList.add('failed');
    replace(batch.status, el('span', { className: 'problem', role: 'alert' }, problemNodes(error)));
  }
}

function showBatch(batch) {
  batch.item.dataset.state = batch.waiting.length ? 'indexing' : 'done';
  if (batch.waiting.length) {
    batch.status.textContent = `Uploaded; indexing ${batch.waiting.length} file${batch.waiting.length === 1 ? '' : 's'}…`;
    return;
  }
  batch.progress.remove();
  const failed = batch.finished.filter((d) => d.status !== 'indexed');
  replace(batch.status, failed.length
    ? el('span', { className: 'problem' }, failed.map((d) => `${d.name}: ${d.error ?? 'failed'}${d.reason ? ` (${d.reason})` : ''}`).join('; '))
    : `Indexed: ${batch.finished.map((d) => `${d.name} (${d.pages} page${d.pages === 1 ? '' : 's'}, ${d.chunkCount} chunks)`).join(', ')}`);
}
