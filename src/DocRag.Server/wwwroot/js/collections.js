// The collections the caller may use (GET /v1/collections), shared by the chat filter and the upload form.
import { apiJson } from './api.js';

let current = { items: [], defaultCollection: null };
const listeners = new Set();

export function onCollections(listener) {
  listeners.add(listener);
  listener(current);
}

export async function refreshCollections() {
  current = await apiJson('/v1/collections');
  for (const listener of listeners) listener(current);
  return current;
}

/** Fills a <select> with an "all" option and one per collection, keeping the selection when it still exists. */
export function fillCollectionSelect(select, list) {
  const selected = select.value;
  const names = list.items.map((c) => c.name);
  const keep = [...select.options].filter((o) => o.value === '');
  select.replaceChildren(...keep, ...names.map((name) => new Option(name, name)));
  select.value = names.includes(selected) ? selected : '';
}
