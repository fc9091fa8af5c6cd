// An answer's text with its citations: [n] markers become buttons that open the cited passage.
import { el } from './dom.js';

const CITATION = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/**
 * Renders answer text into container: paragraphs split on blank lines; in `quoted` mode (extractive answers) each
 * paragraph is a blockquote, since it is the documents' own words. Markers whose number is in `citations` become
 * buttons calling onCite(citation); the others stay text.
 */
export function renderAnswerText(container, text, { citations = [], onCite = null, quoted = false } = {}) {
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  container.replaceChildren(...paragraphs.map((paragraph) => {
    const block = el(quoted ? 'blockquote' : 'p', { className: quoted ? 'quote' : '' });
    block.append(...withCitations(paragraph, byNumber, onCite));
    return block;
  }));
}

function withCitations(text, byNumber, onCite) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    nodes.push(text.slice(last, match.index));
    const numbers = match[1].split(/\s*[,;]\s*/).map(Number);
    nodes.push('[');
    numbers.forEach((n, i) => {
      if (i > 0) nodes.push(', ');
      const citation = byNumber.get(n);
      nodes.push(citation && onCite ? citeButton(citation, onCite) : String(n));
    });
    nodes.push(']');
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes.filter((n) => n !== '').map((n) => (typeof n === 'string' ? document.createTextNode(n) : n));
}

function citeButton(citation, onCite) {
  return el('button', {
    type: 'button',
    className: 'cite',
    dataset: { n: citation.n },
    'aria-label': `Source ${citation.n}: ${describe(citation)}`,
    title: describe(citation),
    onclick: () => onCite(citation),
  }, String(citation.n));
}

/** "Title, page 3, Heading" for labels. */
export function describe(citation) {
  return [citation.title || fileName(citation.path), where(citation)].join(', ');
}

/** "page 3, Heading" (or "pages 2–3"). */
export function where(citation) {
  const page = citation.pageEnd && citation.pageEnd !== citation.page ? `pages ${citation.page}–${citation.pageEnd}` : `page ${citation.page}`;
  return [page, citation.heading].filter(Boolean).join(', ');
}

export function fileName(path) {
  return (path ?? '').split(/[\\/]/).pop();
}
