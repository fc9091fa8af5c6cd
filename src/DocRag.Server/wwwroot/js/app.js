// Entry point: views by URL fragment (#chat, #documents, #models), and what the views share.
import { $, replace } from './dom.js';
import { initKeyPrompt } from './keyprompt.js';
import { initPassageDialog } from './passage.js';
import { initChat, showCapabilities } from './chat.js';
import { hideDocuments, initDocuments, showDocuments } from './documents.js';
import { initUploader } from './uploader.js';
import { hideModels, initModels, load as loadModels, onModels, showModels } from './models.js';
import { refreshCollections } from './collections.js';

const VIEWS = {
  chat: { show: () => {}, hide: () => {}, focus: '#question' },
  documents: { show: showDocuments, hide: hideDocuments, focus: '#documents-heading' },
  models: { show: showModels, hide: hideModels, focus: '#models-heading' },
};

let current = null;

function route(moveFocus) {
  const name = location.hash.slice(1) in VIEWS ? location.hash.slice(1) : 'chat';
  if (name === current) return;
  if (current) VIEWS[current].hide();
  current = name;
  for (const [view] of Object.entries(VIEWS)) {
    $(`#view-${view}`).hidden = view !== name;
    const tab = $(`#tab-${view}`);
    if (view === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  document.title = `DocRag · ${name[0].toUpperCase()}${name.slice(1)}`;
  VIEWS[name].show();
  if (moveFocus) $(VIEWS[name].focus)?.focus();
}

/** A banner while the server is loading its models or index (GET /ready answers 503). */
async function watchReadiness() {
  const banner = $('#banner');
  try {
    const response = await fetch('/ready', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      banner.hidden = true;
      return;
    }
    const problem = await response.json().catch(() => ({}));
    replace(banner, `DocRag is starting: ${problem.detail ?? 'loading'}. Questions can be asked once it is ready.`);
    banner.hidden = false;
  } catch {
    replace(banner, 'Cannot reach the DocRag server.');
    banner.hidden = false;
  }
  setTimeout(watchReadiness, 3000);
}

function refreshShared() {
  refreshCollections().catch(() => {});
  loadModels();
}

initKeyPrompt();
initPassageDialog();
initChat();
initUploader();
initDocuments();
initModels();
onModels(showCapabilities);
window.addEventListener('hashchange', () => route(true));
window.addEventListener('docrag:key-changed', () => {
  refreshShared();
  if (current && current !== 'chat') {
    VIEWS[current].hide();
    VIEWS[current].show();
  }
});
route(false);
refreshShared();
watchReadiness();
document.documentElement.dataset.ready = 'true';
