// The strings the golden token ids are made from. Edit here, then run `npm run golden` (see README.md).
// Escapes keep invisible and confusable characters readable in review.

const english = [
  'Hello, world!',
  'The quick brown fox jumps over the lazy dog.',
  'DocRag indexes a folder of PDF, DOCX, HTML and Markdown files.',
  'What is the capital of France?',
  "Don't stop believing; it's only 5 o'clock.",
  'State-of-the-art retrieval-augmented generation (RAG) systems.',
  'e-mail: someone@example.com, web: https://example.org/path?q=1&x=2#frag',
  'The price rose from $1,299.99 to $1,499.00 (+15.4%) in Q3 2024.',
  'UPPER CASE TEXT SHOULD BE LOWERED BY UNCASED MODELS',
  'MiXeD CaSe WoRdS and CamelCaseIdentifiers and snake_case_names',
  'C++ and C# are languages; so is F#. x^2 + y^2 = z^2 and a|b, a<b>c, `code`, ~tilde~',
  'Pneumonoultramicroscopicsilicovolcanoconiosis is a long word.',
  'antidisestablishmentarianism supercalifragilisticexpialidocious',
  'Transformers use self-attention; embeddings are L2-normalised vectors.',
  'Sentence one. Sentence two! Sentence three? Sentence four...',
  'I bought 3 apples, 12 oranges and 1000000 grapes on 2024-03-15 at 10:45am.',
  'version 1.2.3-beta+build.45, pi is 3.14159265358979, e=2.71828',
  'The U.S.A. and the U.K. signed the treaty in Washington, D.C.',
  'Mr. Smith (a.k.a. "Smitty") said: \'It works\' — really.',
  'unaffable unbelievably reconsideration internationalization',
  'tokenization tokenizer tokenizers tokenize tokenized',
  'The year 1984 and the number 42 and 007 and 3rd and 21st.',
  'Hashtags #machinelearning #AI and mentions @openai @huggingface',
  'Path C:\\Users\\docrag\\Documents\\report_final_v2.docx and /usr/local/bin/docrag',
  'JSON: {"key": "value", "list": [1, 2, 3], "nested": {"a": null}}',
  'SELECT id, title FROM documents WHERE score > 0.5 ORDER BY score DESC;',
  'for (int i = 0; i < n; i++) { sum += a[i] * b[i]; }',
  'Good morning',
  'a',
  'A',
  '?',
  '.',
  '...',
  '!!!???!!!',
  '(((nested))) [[brackets]] {{braces}} <<angles>>',
  '--- *** ___ === +++ ### @@@ $$$ %%% ^^^ &&&',
  '"quoted" \'single\' `back`',
  'the the the the the the the the the the',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  'zzzzzzzzzzzz qqqqqqqqqqq xxxxxxxxxxxx',
  '123456789012345678901234567890',
  '0.000001 1e-10 6.022e23 -273.15',
  'word##with##hashes and ##prefix and suffix##',
  'query: how do I reset my password?',
  'passage: To reset your password, open Settings and choose Security.',
];

const spanish = [
  '¿Dónde está la biblioteca?',
  '¡Hola! ¿Qué tal estás hoy?',
  'El niño comió una piña en el año dos mil.',
  'La lingüística computacional estudia el lenguaje humano.',
  'Mañana habrá reunión a las 9:30 en la sala de conferencias.',
  'Árbol, éxito, índice, óptimo, único, ñandú, pingüino.',
  'ÁRBOL ÉXITO ÍNDICE ÓPTIMO ÚNICO ÑANDÚ PINGÜINO',
  'El Real Madrid ganó la Liga de Campeones en 2022.',
  'Según el informe, la economía creció un 2,5 % en el último trimestre.',
  'Los términos de búsqueda se normalizan sin acentos ni mayúsculas.',
  'Cervantes escribió «Don Quijote de la Mancha» a principios del siglo XVII.',
  'La inteligencia artificial transforma la manera en que trabajamos.',
  '¿Cuál es la capital de Argentina? Buenos Aires.',
  'Él habló con ella; tú y yo escuchamos atentamente.',
  'Construcción, información, educación, nación, canción.',
  'desafortunadamente incomprensiblemente electroencefalografista',
  'El pingüino Wenceslao hizo kilómetros bajo exhaustiva lluvia y frío, añoraba a su querido cachorro.',
];

const otherLatin = [
  'Ça va? Très bien, merci. Où est la gare?',
  'Größe, Straße, Fußgänger, Äpfel, Öl, Übermut',
  'GROSSE STRASSE ÄPFEL ÖL ÜBERMUT',
  'São Paulo, coração, ação, português, você',
  'Tiếng Việt có nhiều dấu thanh: ả, ẫ, ự, ỗ.',
  'İstanbul, Işık, ılık, İzmir',
  'ISTANBUL istanbul İSTANBUL',
  'Zürich, Genève, Łódź, Kraków, Brno, Plzeň, Dvořák',
  'Þórr, Ægir, Ødegaard, Åse, æsir',
  'ﬁnance ﬂower ﬀ ﬃ ﬄ — ligatures',
  'café (precomposed) vs cafe\u0301 (combining)',
  'n\u0303 a\u0300 e\u0308 o\u0302 u\u0327 stacked a\u0301\u0302\u0303',
  'ﬁ\u0301 ligature with a combining accent',
  'Ώ ώ ᾯ ᾯ Greek with tonos and ypogegrammeni',
];

const otherScripts = [
  'ΟΔΟΣ οδός Σίσυφος ΣΊΣΥΦΟΣ',
  'Москва — столица России. ПРИВЕТ мир!',
  'Україна, Київ, їжак, ґанок',
  'مرحبا بالعالم، كيف حالك؟',
  'שלום עולם, מה שלומך?',
  'नमस्ते दुनिया, आप कैसे हैं?',
  'สวัสดีชาวโลก',
  'Γειά σου Κόσμε',
  'Բարեւ աշխարհ',
  'გამარჯობა მსოფლიო',
  'ሰላም ልዑል',
  'வணக்கம் உலகம்',
];

const cjk = [
  '你好，世界！',
  '我爱自然语言处理。',
  '北京是中华人民共和国的首都。',
  '機器學習和深度學習',
  'こんにちは世界',
  'カタカナとひらがなと漢字',
  '東京都渋谷区',
  '안녕하세요 세계',
  '한국어 자연어 처리',
  'mixed 中文 and English 混合 text',
  'ＡＢＣ　ｄｅｆ　１２３ full-width letters and an ideographic space',
  '𠀀𠀁𪜀 CJK extension B',
  '㐀㐁 extension A and 豈 compatibility',
  '「引用」『二重』【括弧】〈山括弧〉',
  '２０２４年３月１５日',
  '半角ｶﾀｶﾅ',
];

const emoji = [
  'I love pizza 🍕 and sushi 🍣!',
  '😀😃😄😁',
  '👍🏽 thumbs up with skin tone',
  '👨‍👩‍👧‍👦 family ZWJ sequence',
  '🇪🇸 🇺🇸 🇯🇵 flags',
  '❤️ red heart with variation selector',
  'Rocket🚀launch',
  '🙂',
  '𝐀𝐁𝐂 mathematical bold and 𝄞 musical symbol',
  '★☆♠♣♥♦ ✓✗ →←↑↓ ∞ ≠ ≤ ≥ ± × ÷',
  '€100 £50 ¥1000 ₹500 ₿0.01 ¢5',
  '™ © ® ° ²³ ¹ ½ ¼ ¾ Ⅻ ① ②',
  '… · • ‰ § ¶ † ‡',
  '“smart quotes” ‘single’ «guillemets» „German“',
  'en–dash em—dash minus−sign',
];

const whitespace = [
  '',
  ' ',
  '   ',
  '\t',
  '\n',
  '\r\n',
  ' \t \n ',
  '  leading spaces',
  'trailing spaces   ',
  'multiple     spaces    between   words',
  'tabs\tbetween\twords',
  'new\nlines\nbetween\nwords',
  'windows\r\nline\r\nendings',
  'non\u00a0breaking\u00a0space',
  'narrow\u202fno-break and figure\u2007space',
  'em\u2003space en\u2002space thin\u2009space',
  'ideographic\u3000space',
  'zero\u200bwidth\u200bspace',
  'zero\u200cwidth non-joiner and\u200djoiner',
  'soft\u00adhyphen',
  '\ufeffbyte order mark at start',
  'null\u0000char and bell\u0007char',
  'vertical\u000btab and form\u000cfeed',
  'next\u0085line and line\u2028separator and paragraph\u2029separator',
  'replacement \ufffd character',
  'private use \ue000\uf8ff area',
  'unassigned \u0378 code point',
  'word\u2581with lower one eighth block',
  '▁starts with metaspace',
  ' \u00a0 \u3000 ',
];

const specials = [
  '[CLS] text [SEP] more text [SEP]',
  '[cls] lower case special',
  'a[MASK]b and [PAD] and [UNK]',
  '<s> text </s>',
  '<mask> masked <mask>',
  'before<mask>after',
  '<unk> <pad>',
  '<s>',
  '</s></s>',
  '[SEP]',
  '[CLS][SEP]',
  '##',
  '##ing',
  '[UNK]',
];

const veryLongWord = 'x'.repeat(99) + ' ' + 'y'.repeat(100) + ' ' + 'z'.repeat(101) + ' ' + 'é'.repeat(101);

const paragraphEn =
  'Retrieval-augmented generation combines a search index with a language model. The index stores passages ' +
  'of the source documents together with their embeddings, and at question time the passages closest to the ' +
  'question are retrieved and given to the model as context. Citations point back to the page and heading ' +
  'each passage came from, so a reader can check every claim against the original text.';

const paragraphEs =
  'La generación aumentada por recuperación combina un índice de búsqueda con un modelo de lenguaje. El índice ' +
  'guarda fragmentos de los documentos junto con sus vectores, y al preguntar se recuperan los fragmentos más ' +
  'cercanos a la pregunta para dárselos al modelo como contexto. Las citas señalan la página y el apartado de ' +
  'cada fragmento, de modo que el lector pueda comprobar cada afirmación en el texto original.';

const paragraphCjk = '检索增强生成将搜索索引与语言模型结合起来。索引保存文档片段及其向量，提问时检索与问题最接近的片段并作为上下文交给模型。'
  + '検索拡張生成は検索インデックスと言語モデルを組み合わせます。';

const long = [
  veryLongWord,
  paragraphEn,
  paragraphEs,
  paragraphCjk,
  paragraphEn + ' ' + paragraphEs,
  (paragraphEn + ' ').repeat(4),
  (paragraphEs + '\n\n').repeat(3) + paragraphCjk,
  'emoji '.repeat(30) + '🎉'.repeat(40),
  Array.from({ length: 300 }, (_, i) => `w${i}`).join(' '),
];

// Every pair of a few short strings from different groups, to mix scripts and boundaries.
const mixers = ['Hello', '¿Qué?', '你好', '🙂', 'ＡＢＣ', '[SEP]', '<s>', '  ', 'café', 'İ'];
const mixed = mixers.flatMap((a) => mixers.filter((b) => b !== a).map((b) => a + b)).filter((_, i) => i % 3 === 0);

export const inputs = [
  ...english,
  ...spanish,
  ...otherLatin,
  ...otherScripts,
  ...cjk,
  ...emoji,
  ...whitespace,
  ...specials,
  ...long,
  ...mixed,
];
