// Finds the sentences of a passage that the citation's snippet quotes, so they can be highlighted.

const normalize = (s) => s.replace(/\s+/g, ' ').trim();

/** Splits text into sentence-like pieces with their offsets: after . ! ? followed by space, and at line breaks. */
export function sentences(text) {
  const pieces = [];
  const boundary = /(?<=[.!?…:;])\s+|\n+/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    pieces.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: text.length });
  return pieces.filter((p) => text.slice(p.start, p.end).trim() !== '');
}

/**
 * The [start, end) ranges of text to highlight: each sentence the snippet contains, and the sentence the snippet's
 * shortened end ("…") begins. Short pieces (list numbers, lone words) only count when they are the whole snippet.
 */
export function matchRanges(text, snippet) {
  const flat = normalize((snippet ?? '').replace(/…\s*$/, ''));
  if (flat.length < 4) return [];
  const ranges = [];
  for (const piece of sentences(text)) {
    const sentence = normalize(text.slice(piece.start, piece.end));
    const included = (sentence.length >= 12 || sentence === flat) && flat.includes(sentence);
    if (included || beginsWithTail(sentence, flat)) ranges.push([piece.start, piece.end]);
  }
  return ranges;
}

function beginsWithTail(sentence, flat) {
  if (sentence.length < 15) return false;
  const at = flat.lastIndexOf(sentence.slice(0, 15));
  return at >= 0 && sentence.startsWith(flat.slice(at));
}
