// A small SentencePiece Unigram tokenizer of our own in the exact XLM-RoBERTa tokenizer.json layout (normalizer
// Sequence[Precompiled, Replace(" {2,}" -> " ")], Metaspace "▁" always/split, TemplateProcessing "<s> $A </s>",
// vocabulary <s> <pad> </s> <unk> first and <mask> last). Pieces and log-probability scores are estimated from the
// corpus below (candidate substrings, then a few rounds of Viterbi re-estimation); the charsmap is built by darts.mjs.

import { buildCharsmap } from './darts.mjs';

const corpus = `
The quick brown fox jumps over the lazy dog. A search index stores passages of documents with their vectors.
Retrieval finds the passages closest to a question, and the language model answers with citations.
Every citation points to the page and the heading where the passage was found.
The tokenizer splits words into pieces; frequent words stay whole and rare words become several pieces.
Hello world, hello again. What is the capital of France? Paris is the capital of France.
Documents can be PDF, DOCX, HTML, Markdown or plain text files in one folder.
Embeddings are normalised vectors, and similar texts have similar vectors.
El rápido zorro marrón salta sobre el perro perezoso. Un índice de búsqueda guarda fragmentos de documentos.
La recuperación encuentra los fragmentos más cercanos a la pregunta y el modelo responde con citas.
¿Dónde está la biblioteca? ¡Hola! ¿Qué tal? La niña y el niño comen piña en el año nuevo.
La información, la educación y la nación; la canción de la montaña; el corazón de la ciudad.
Los documentos pueden ser PDF, DOCX, HTML, Markdown o texto plano en una carpeta.
Mañana habrá una reunión en la sala de conferencias. Según el informe, la economía creció.
Le café est très bon à Paris. Où est la gare? Ça va très bien, merci.
Größe, Straße, Fußgänger und Äpfel. Zürich und München sind Städte.
São Paulo e coração; ação e informação em português.
你好世界。我爱自然语言处理。北京是中国的首都。检索增强生成将搜索索引与语言模型结合起来。
こんにちは世界。東京は日本の首都です。機械学習と深層学習。
안녕하세요 세계. 한국어 자연어 처리.
Numbers 1 2 3 10 100 2024 3.14 and symbols $ % & + = - / ( ) [ ] " ' : ; , . ! ?
`;

// The normalization rules of the charsmap: [source, replacement]. Multi-character sources and a removal ("") are
// included on purpose; the reference matches the shortest source at the start of each grapheme.
export const charsmapRules = [
  ...Array.from({ length: 0x5e }, (_, i) => [String.fromCharCode(0xff01 + i), String.fromCharCode(0x21 + i)]),
  ['\u3000', ' '], ['\u00a0', ' '], ['\u2002', ' '], ['\u2003', ' '], ['\u2009', ' '], ['\u202f', ' '],
  ['\t', ' '], ['\n', ' '], ['\r', ' '],
  ['\u00ad', ''], ['\u200b', ''], ['\ufeff', ''], ['\u0007', ''],
  ['ﬀ', 'ff'], ['ﬁ', 'fi'], ['ﬂ', 'fl'], ['ﬃ', 'ffi'], ['ﬄ', 'ffl'],
  ['…', '...'], ['™', 'TM'], ['²', '2'], ['³', '3'], ['½', '1/2'], ['①', '1'], ['②', '2'],
  ['e\u0301', 'é'], ['a\u0301', 'á'], ['n\u0303', 'ñ'], ['u\u0308', 'ü'],
  ['ｶ', 'カ'], ['ﾀ', 'タ'], ['ﾅ', 'ナ'],
];

function normalizeForTraining(text) {
  let out = text;
  for (const [source, target] of charsmapRules) out = out.split(source).join(target);
  return out.replace(/ {2,}/g, ' ').trim();
}

function words(text) {
  return text.split(' ').filter((w) => w.length > 0).map((w) => `▁${w}`);
}

function chars(text) {
  return [...text];
}

// Best segmentation of one word under the current scores (for re-estimation only).
function viterbi(word, scores, maxLength) {
  const c = chars(word);
  const best = [{ score: 0, start: -1, piece: null }];
  for (let end = 1; end <= c.length; end++) {
    let top = null;
    for (let start = Math.max(0, end - maxLength); start < end; start++) {
      const piece = c.slice(start, end).join('');
      if (!scores.has(piece) || !best[start]) continue;
      const score = best[start].score + scores.get(piece);
      if (!top || score > top.score) top = { score, start, piece };
    }

    best[end] = top;
  }

  const pieces = [];
  for (let end = c.length; end > 0; end = best[end].start) pieces.unshift(best[end].piece);
  return pieces;
}

function train() {
  const wordCounts = new Map();
  for (const word of words(normalizeForTraining(corpus.replace(/\n/g, ' ')))) {
    wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }

  const maxLength = 10;
  const counts = new Map();
  for (const [word, n] of wordCounts) {
    const c = chars(word);
    for (let i = 0; i < c.length; i++) {
      for (let len = 1; len <= maxLength && i + len <= c.length; len++) {
        const piece = c.slice(i, i + len).join('');
        counts.set(piece, (counts.get(piece) ?? 0) + n);
      }
    }
  }

  const singles = [...counts.keys()].filter((p) => chars(p).length === 1);
  const multi = [...counts.entries()]
    .filter(([p, n]) => chars(p).length > 1 && n >= 2)
    .sort((a, b) => b[1] * chars(b[0]).length - a[1] * chars(a[0]).length || (a[0] < b[0] ? -1 : 1))
    .slice(0, 1200)
    .map(([p]) => p);
  // Whole words seen once are kept too, so the vocabulary has long pieces that Viterbi must weigh.
  const rareWords = [...wordCounts.keys()].filter((w) => wordCounts.get(w) === 1 && chars(w).length <= maxLength).slice(0, 150);
  const candidates = [...new Set([...singles, ...multi, ...rareWords])];

  const total = candidates.reduce((sum, p) => sum + counts.get(p), 0);
  let scores = new Map(candidates.map((p) => [p, Math.log(counts.get(p) / total)]));
  for (let round = 0; round < 3; round++) {
    const usage = new Map();
    for (const [word, n] of wordCounts) {
      for (const piece of viterbi(word, scores, maxLength)) usage.set(piece, (usage.get(piece) ?? 0) + n);
    }

    const used = candidates.filter((p) => usage.has(p) || chars(p).length === 1 || rareWords.includes(p));
    const usedTotal = used.reduce((sum, p) => sum + (usage.get(p) ?? 0) + 0.5, 0);
    scores = new Map(used.map((p) => [p, Math.log(((usage.get(p) ?? 0) + 0.5) / usedTotal)]));
  }

  // Six decimals keep the file small; both sides parse the same decimal text. Equal scores exercise tie-breaking.
  return [...scores.entries()]
    .map(([p, s]) => [p, Math.round(s * 1e6) / 1e6])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const added = (id, content, lstrip = false) =>
  ({ id, content, single_word: false, lstrip, rstrip: false, normalized: false, special: true });

function tokenizerJson(pieces, { byteFallback = false, normalizer, preTokenizer, postProcessor } = {}) {
  const bytes = byteFallback ? Array.from({ length: 256 }, (_, b) => [`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`, 0]) : [];
  const vocab = [['<s>', 0], ['<pad>', 0], ['</s>', 0], ['<unk>', 0], ...bytes, ...pieces, ['<mask>', 0]];
  const mask = vocab.length - 1;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [added(0, '<s>'), added(1, '<pad>'), added(2, '</s>'), added(3, '<unk>'), added(mask, '<mask>', true)],
    normalizer,
    pre_tokenizer: preTokenizer,
    post_processor: postProcessor ?? {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } }, { Sequence: { id: 'B', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } },
      ],
      special_tokens: {
        '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] },
        '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] },
      },
    },
    decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 3, vocab, byte_fallback: byteFallback },
  };
}

const xlmrConfig = {
  tokenizer_class: 'XLMRobertaTokenizer',
  model_max_length: 512,
  bos_token: '<s>',
  eos_token: '</s>',
  unk_token: '<unk>',
  sep_token: '</s>',
  cls_token: '<s>',
  pad_token: '<pad>',
  mask_token: '<mask>',
};

// One line per vocabulary entry keeps the committed file reviewable.
function stringify(json) {
  const { model, ...rest } = json;
  const { vocab, ...modelRest } = model;
  const head = JSON.stringify({ ...rest, model: { ...modelRest, vocab: [] } }, null, 2);
  return head.replace('"vocab": []', `"vocab": [\n${vocab.map((v) => `        ${JSON.stringify(v)}`).join(',\n')}\n      ]`) + '\n';
}

export function buildTinyUnigram() {
  const pieces = train();
  const json = tokenizerJson(pieces, {
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'Precompiled', precompiled_charsmap: buildCharsmap(charsmapRules).toString('base64') },
        { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
      ],
    },
    preTokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
  });
  const text = stringify(json);
  return {
    committed: { 'tokenizer.json': text, 'tokenizer_config.json': JSON.stringify(xlmrConfig, null, 2) + '\n' },
    referenceJson: text,
  };
}

// The same pieces through the other supported components: byte fallback, NFKC + Lowercase + Strip, WhitespaceSplit
// then Metaspace with prepend_scheme "first" and no split, RobertaProcessing.
export function buildTinyUnigramVariant() {
  const pieces = train();
  const json = tokenizerJson(pieces, {
    byteFallback: true,
    normalizer: {
      type: 'Sequence',
      normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }, { type: 'Strip', strip_left: true, strip_right: true }],
    },
    preTokenizer: {
      type: 'Sequence',
      pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: false }],
    },
    postProcessor: { type: 'RobertaProcessing', sep: ['</s>', 2], cls: ['<s>', 0], trim_offsets: true, add_prefix_space: true },
  });
  const text = stringify(json);
  const config = { tokenizer_class: 'XLMRobertaTokenizer', pad_token: '<pad>', unk_token: '<unk>', mask_token: '<mask>' };
  return { committed: { 'tokenizer.json': text, 'tokenizer_config.json': JSON.stringify(config, null, 2) + '\n' }, referenceJson: text };
}

// The XLM-RoBERTa layout again, with a charsmap of thousands of rules (every code point whose NFKC form differs,
// plus decomposed accents composed), close in size and kind to SentencePiece's own nmt_nfkc map.
export function buildTinyUnigramNfkc() {
  const rules = [];
  for (let cp = 0x80; cp < 0x30000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const source = String.fromCodePoint(cp);
    const target = source.normalize('NFKC');
    if (target !== source) rules.push([source, target]);
  }

  for (const letter of 'aeiounAEIOUcC') {
    for (const mark of ['\u0301', '\u0300', '\u0308', '\u0302', '\u0303', '\u0327']) {
      const source = letter + mark;
      if (source.normalize('NFC') !== source) rules.push([source, source.normalize('NFC')]);
    }
  }

  rules.push(['\u200b', ''], ['\u00ad', ''], ['\ufeff', ''], ['\t', ' '], ['\n', ' '], ['\r', ' ']);
  const json = tokenizerJson(train(), {
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'Precompiled', precompiled_charsmap: buildCharsmap(rules).toString('base64') },
        { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
      ],
    },
    preTokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
  });
  const text = stringify(json);
  const config = { tokenizer_class: 'XLMRobertaTokenizer', pad_token: '<pad>', unk_token: '<unk>', mask_token: '<mask>' };
  return { committed: { 'tokenizer.json': text, 'tokenizer_config.json': JSON.stringify(config, null, 2) + '\n' }, referenceJson: text };
}
