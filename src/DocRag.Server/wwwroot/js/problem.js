// ProblemDetails (RFC 9457) shown readably: what went wrong, what to do, and the ids to quote.
import { el, replace } from './dom.js';

/** The problem's parts as nodes: title, detail, field errors, and a small line with code and correlation id. */
export function problemNodes(problemOrError) {
  const problem = problemOrError?.problem ?? problemOrError ?? {};
  const fallback = problemOrError instanceof Error ? problemOrError.message : 'Something went wrong.';
  const title = problem.title || fallback;
  const nodes = [el('strong', { className: 'problem-title' }, title)];
  if (problem.detail && problem.detail !== title) nodes.push(el('span', { className: 'problem-detail' }, ' ', problem.detail));
  if (problem.errors && typeof problem.errors === 'object') {
    const items = Object.entries(problem.errors).flatMap(([field, messages]) =>
      [].concat(messages).map((message) => el('li', {}, field ? `${field}: ${message}` : message)));
    if (items.length) nodes.push(el('ul', { className: 'problem-errors' }, items));
  }
  if (Array.isArray(problem.pending) && problem.pending.length) {
    nodes.push(el('ul', { className: 'problem-errors' },
      problem.pending.map((p) => el('li', {}, `${p.component}: ${p.reason}`))));
  }
  const ids = [problem.code, problem.correlationId && `correlation id ${problem.correlationId}`].filter(Boolean);
  if (ids.length) nodes.push(el('small', { className: 'problem-ids' }, ids.join(' · ')));
  return nodes;
}

/** Fills a [role=alert] box with a problem and shows it; null hides it. */
export function showProblem(box, problemOrError) {
  if (!problemOrError) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  replace(box, problemNodes(problemOrError));
  box.hidden = false;
}
