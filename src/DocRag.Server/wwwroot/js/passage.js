// The cited passage in a dialog: its document, page and heading, and its text with the quoted sentences marked.
import { $, el, replace } from './dom.js';
import { apiJson } from './api.js';
import { fileName } from './answer.js';
import { matchRanges } from './highlight.js';
import { problemNodes } from './problem.js';

let dialog;
let request = 0;

export function initPassageDialog() {
  dialog = $('#passage-dialog');
  dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}

/** Opens the dialog for a citation of an answer; the passage's full text is fetched by its chunk id. */
export async function openPassage(citation) {
  const current = ++request;
  dialog.dataset.chunkId = citation.chunkId;
  replace($('#passage-title'), `[${citation.n}] `, citation.title || fileName(citation.path));
  showLocation({
    file: fileName(citation.path),
    collection: citation.collection,
    pageStart: citation.page,
    pageEnd: citation.pageEnd,
    heading: citation.headingPath?.length ? citation.headingPath : (citation.heading ? [citation.heading] : []),
  });
  const text = $('#passage-text');
  showText(text, citation.snippet ?? '', citation.snippet);
  $('#passage-status').textContent = 'Loading the passage…';
  if (!dialog.open) dialog.showModal();
  text.focus();

  try {
    const passage = await apiJson(`/v1/chunks/${encodeURIComponent(citation.chunkId)}`);
    if (current !== request) return;
    showLocation({
      file: passage.document.path,
      collection: passage.document.collection,
      pageStart: passage.pageStart,
      pageEnd: passage.pageEnd,
      heading: passage.heading,
    });
    const marked = showText(text, passage.text, citation.snippet);
    $('#passage-status').textContent = marked ? 'The highlighted sentences are the ones the answer quotes.' : '';
  } catch (error) {
    if (current !== request) return;
    replace($('#passage-status'), 'Only the quoted part is shown: ', ...problemNodes(error));
  }
}

function showLocation({ file, collection, pageStart, pageEnd, heading }) {
  const page = pageEnd && pageEnd !== pageStart ? `Pages ${pageStart}–${pageEnd}` : `Page ${pageStart}`;
  replace($('#passage-location'),
    el('span', { className: 'file' }, file),
    el('span', { className: 'page', dataset: { page: pageStart } }, page),
    collection ? el('span', { className: 'collection' }, `Collection ${collection}`) : null);
  const headings = heading ?? [];
  const box = $('#passage-heading');
  box.hidden = headings.length === 0;
  replace(box, headings.flatMap((h, i) => (i ? [' › ', el('span', {}, h)] : [el('span', {}, h)])));
}

/** Writes text into box with the snippet's sentences in <mark>; returns how many were marked. */
function showText(box, text, snippet) {
  const ranges = matchRanges(text, snippet);
  const nodes = [];
  let last = 0;
  for (const [start, end] of ranges) {
    nodes.push(text.slice(last, start), el('mark', {}, text.slice(start, end)));
    last = end;
  }
  nodes.push(text.slice(last));
  replace(box, nodes.filter((n) => n !== ''));
  box.querySelector('mark')?.scrollIntoView({ block: 'center' });
  return ranges.length;
}
