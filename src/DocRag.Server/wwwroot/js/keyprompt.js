// The API key prompt: shown when the server answers 401; the key lives in sessionStorage (this tab only).
import { $ } from './dom.js';
import { getKey, keyDeclined, onKeyChanged, promptForKey, setKey, setKeyPrompt } from './api.js';

export function initKeyPrompt() {
  const dialog = $('#key-dialog');
  const form = $('#key-form');
  const input = $('#key-input');
  const error = $('#key-error');
  const button = $('#key-button');

  setKeyPrompt((problem) => new Promise((resolve) => {
    $('#key-title').textContent = problem?.code ? 'API key needed' : 'API key';
    const refused = problem?.code === 'api-key-invalid' && getKey();
    error.textContent = refused ? 'The server refused that key. Check it and try again.' : '';
    error.hidden = !refused;
    input.value = '';
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      form.removeEventListener('submit', onSubmit);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      resolve(value);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) {
        input.focus();
        return;
      }
      finish(key);
    };
    const onClose = () => finish(null);
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
    input.focus();
  }));

  $('#key-cancel').addEventListener('click', () => dialog.close());

  // Once a key is in use (or the prompt was cancelled), the header offers to enter one.
  const sync = (key) => {
    button.hidden = !key && !keyDeclined();
  };
  onKeyChanged(sync);
  sync(getKey());
  button.addEventListener('click', async () => {
    const key = await promptForKey({ title: 'API key' }, { force: true });
    if (key) {
      setKey(key);
      window.dispatchEvent(new Event('docrag:key-changed'));
    }
  });
}
