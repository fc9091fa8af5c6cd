// Uploads with progress: XMLHttpRequest, because fetch() reports no upload progress.
import { authHeaders, keyAccepted, networkProblem, ProblemError } from './api.js';

/**
 * POSTs files to /v1/documents as multipart/form-data; onProgress(fraction) as the bytes go out. Resolves to the
 * UploadResponse (202); rejects with ProblemError. A 401 asks for the key and sends again.
 */
export async function uploadFiles(files, { collection, onConflict, onProgress }) {
  const form = new FormData();
  if (collection) form.append('collection', collection);
  if (onConflict) form.append('onConflict', onConflict);
  for (const file of files) form.append('files', file, file.name);
  for (;;) {
    const { status, body } = await send(form, onProgress);
    if (status === 202 || status === 200) return body;
    if (status === 401 && (await keyAccepted(body))) continue;
    throw new ProblemError(body, status);
  }
}

function send(form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/v1/documents');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { title: `The server answered ${xhr.status} ${xhr.statusText}`.trim(), code: 'http-error' };
      }
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => reject(networkProblem()));
    xhr.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    xhr.send(form);
  });
}
