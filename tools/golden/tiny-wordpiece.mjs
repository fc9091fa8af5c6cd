// A small cased WordPiece vocabulary of our own, so WordPiece tests run without shared material. It is written as
// a BERT folder (vocab.txt + tokenizer_config.json); the reference tokenizer gets the tokenizer.json that
// transformers builds from such a folder (BertNormalizer from the config, BertPreTokenizer, [CLS] $A [SEP]).

const specials = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

const ascii = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i));
const alnum = ascii.filter((c) => /[A-Za-z0-9]/.test(c));

const words = [
  'Hello', 'hello', 'world', 'The', 'the', 'quick', 'brown', 'fox', 'jump', 'over', 'lazy', 'dog', 'is', 'a', 'an',
  'of', 'and', 'to', 'in', 'for', 'with', 'on', 'at', 'by', 'from', 'What', 'what', 'capital', 'France', 'Paris',
  'token', 'Doc', 'Rag', 'index', 'folder', 'file', 'text', 'model', 'word', 'long', 'one', 'two', 'three',
  'Donde', 'esta', 'la', 'el', 'nino', 'ano', 'Arbol', 'exito', 'indice', 'unico', 'pinguino', 'cafe', 'Cafe',
  'Istanbul', 'Gro', 'Stra', 'Munchen', 'Zurich', 'un', 're', 'in', 'dis',
  '你', '好', '世', '界', '中', '文', '北', '京', '日', '本',
];

const continuations = [
  ...alnum.map((c) => `##${c}`),
  '##ing', '##ed', '##s', '##es', '##er', '##est', '##ly', '##tion', '##ation', '##ization', '##aff', '##able',
  '##ize', '##izer', '##ment', '##ness', '##iza', '##ción', '##cion', '##ßen', '##e', '##sse', '##en',
];

export const tinyVocabulary = [...new Set([...specials, ...ascii, ...words, ...continuations, 'é', 'ñ', 'ü', '€', '…', '¿', '¡'])];

const config = {
  tokenizer_class: 'BertTokenizer',
  do_lower_case: false,
  strip_accents: true,
  tokenize_chinese_chars: true,
  model_max_length: 64,
  unk_token: '[UNK]',
  sep_token: '[SEP]',
  pad_token: '[PAD]',
  cls_token: '[CLS]',
  mask_token: '[MASK]',
};

export function tinyWordPiece() {
  const vocab = Object.fromEntries(tinyVocabulary.map((token, id) => [token, id]));
  const special = (token) => ({ id: token, ids: [vocab[token]], tokens: [token] });
  const referenceJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((content) => ({
      id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: false },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: null,
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };

  return {
    committed: {
      'vocab.txt': tinyVocabulary.join('\n') + '\n',
      'tokenizer_config.json': JSON.stringify(config, null, 2) + '\n',
    },
    referenceJson: JSON.stringify(referenceJson),
  };
}

// The same vocabulary through the other components a WordPiece tokenizer.json may use: a Sequence of NFD,
// StripAccents, Lowercase and a literal Replace; the Whitespace pre-tokenizer; BertProcessing; and added tokens
// that are matched after normalization or only as whole words.
export function tinyWordPieceVariant() {
  const extra = ['docrag', 'rag'];
  const tokens = [...tinyVocabulary, ...extra];
  const vocab = Object.fromEntries(tokens.map((token, id) => [token, id]));
  const added = (content, more = {}) => ({
    id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true, ...more,
  });
  const json = {
    version: '1.0',
    truncation: null,
    padding: { strategy: 'BatchLongest', direction: 'Right', pad_to_multiple_of: null, pad_id: vocab['[PAD]'], pad_type_id: 0, pad_token: '[PAD]' },
    added_tokens: [
      ...specials.map((content) => added(content)),
      added('docrag', { normalized: true, special: false }),
      added('rag', { single_word: true, special: false }),
    ],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFD' }, { type: 'StripAccents' }, { type: 'Lowercase' },
        { type: 'Replace', pattern: { String: '’' }, content: "'" },
      ],
    },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: { type: 'BertProcessing', sep: ['[SEP]', vocab['[SEP]']], cls: ['[CLS]', vocab['[CLS]']] },
    decoder: null,
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 20, vocab },
  };
  const text = JSON.stringify(json, null, 1) + '\n';
  return { committed: { 'tokenizer.json': text }, referenceJson: text };
}
