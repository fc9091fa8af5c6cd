// Generates the golden stem lists that tests/DocRag.Core.Tests/Text compare the C# stemmers against.
//
//   cd tools/golden && npm ci
//   node generate-stems.cjs --scifact $DOCRAG_TEST_DATA/scifact/corpus.jsonl --xquad $DOCRAG_TEST_DATA/xquad/xquad.es.json
//
// Reference implementation: snowball-stemmers 0.6.0 (a JS build of the Snowball "english" (Porter2) and "spanish"
// algorithms). Only the selected words and their stems are written; the corpora stay where they are.
'use strict';

const fs = require('fs');
const path = require('path');
const snowball = require('snowball-stemmers');

const outDir = path.resolve(__dirname, '../../tests/DocRag.Core.Tests/Text/Golden');
const frequentCount = 1500; // the most frequent words: what a real index sees most
const totalCount = 4000; // the rest is an even sample of rarer words, which carry the long suffixes

// Words that exercise the rules and exceptions of each algorithm, whether or not the corpora contain them.
const englishEdgeCases = [
  'a', 'at', 'by', 'say', 'cry', 'sky', 'skies', 'skis', 'ski', 'dying', 'lying', 'tying', 'idly', 'gently', 'ugly',
  'early', 'only', 'singly', 'news', 'howe', 'atlas', 'cosmos', 'bias', 'andes', 'inning', 'innings', 'outing',
  'outings', 'canning', 'cannings', 'herring', 'herrings', 'earring', 'earrings', 'proceed', 'exceed', 'succeed',
  'generate', 'generously', 'general', 'generic', 'communism', 'communication', 'arsenic', 'arsenal', 'youth', 'boy',
  'boyish', 'fly', 'flying', 'syzygy', 'sayyid', 'yyy', 'ayyy', 'yying', 'caresses', 'ties', 'cries', 'gas', 'gaps',
  'this', 'kiwis', 'us', 'bus', 'hopping', 'hoped', 'luxuriating', 'bleed', 'agreed', 'feed', 'eedly', 'fizzed',
  "john's", "horses'", "'tis", "o'clock", "it's", "dog's'", "'", "''", "'s", 'consign', 'consigned', 'consigning',
  'knack', 'knackeries', 'knightly', 'abbreviations', 'happy', 'happily', 'beautiful', 'beauty', 'beau',
  'animadversion', 'sprinkled', 'eucharist', 'rational', 'national', 'conditional', 'valency', 'hesitancy',
  'probably', 'dependently', 'organizer', 'organization', 'relational', 'operator', 'feudalism', 'formality',
  'radically', 'hopefulness', 'callously', 'callousness', 'decisiveness', 'sensitivity', 'sensibility', 'humbly',
  'biology', 'geology', 'truthfully', 'carelessly', 'brightly', 'formalize', 'electricity', 'electrical',
  'hopeful', 'goodness', 'demonstrative', 'creative', 'revival', 'allowance', 'inference', 'airliner', 'gyroscopic',
  'adjustable', 'defensible', 'irritant', 'replacement', 'adjustment', 'dependent', 'adoption', 'communion',
  'activate', 'angularity', 'homologous', 'effective', 'bowdlerize', 'probate', 'rate', 'cease', 'controll', 'roll',
  'ow', 'on', 'rap', 'trap', 'entrap', 'uproot', 'bestow', 'disturb', 'bed', 'shed', 'shred', 'bead', 'embed', 'beds',
];

const spanishEdgeCases = [
  'haciéndola', 'haciendola', 'haciéndolo', 'diciéndoselo', 'comérselo', 'dárselo', 'irse', 'cayendo', 'oyendo',
  'huyendo', 'construyendo', 'construyeron', 'arguyo', 'atribuyó', 'macho', 'oliva', 'trabajo', 'áureo', 'che',
  'checa', 'chetumaleños', 'torá', 'tórax', 'toreándolo', 'torrencial', 'mutuamente', 'activamente',
  'rápidamente', 'nacionalidad', 'posibilidad', 'lógicamente', 'afortunadamente', 'interesante', 'importancia',
  'biología', 'biologías', 'solución', 'soluciones', 'tendencia', 'tendencias', 'creativa', 'creativo',
  'conservativos', 'abundancia', 'amablemente', 'visiblemente', 'formalmente', 'pacíficamente', 'aguerrido',
  'averigüé', 'averigüemos', 'sigue', 'siguen', 'persiguen', 'guerra', 'argüir', 'pingüino', 'niño', 'año',
  'hablar', 'hablaríamos', 'hablábamos', 'habláramos', 'hablásemos', 'comiéramos', 'comiésemos', 'vivíais', 'vivís',
  'habláis', 'comeréis', 'cantaste', 'cantasteis', 'comisteis', 'a', 'o', 'y', 'al', 'él', 'más', 'qué', 'sí',
];

function parseArgs(argv) {
  const args = {};
  for (let i = 2; i < argv.length; i += 2) {
    args[argv[i].replace(/^--/, '')] = argv[i + 1];
  }

  if (!args.scifact || !args.xquad) {
    throw new Error('usage: node generate-stems.cjs --scifact corpus.jsonl --xquad xquad.es.json');
  }

  return args;
}

function countWords(texts, pattern) {
  const counts = new Map();
  for (const text of texts) {
    for (const match of text.toLowerCase().matchAll(pattern)) {
      counts.set(match[0], (counts.get(match[0]) || 0) + 1);
    }
  }

  return counts;
}

// The most frequent words, then every n-th of the rest in frequency order, so rare long words are covered too.
function selectWords(counts, edgeCases) {
  const ranked = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([word]) => word);
  const selected = new Set(ranked.slice(0, frequentCount));
  const rest = ranked.slice(frequentCount);
  const stride = Math.max(1, Math.floor(rest.length / (totalCount - frequentCount)));
  for (let i = 0; i < rest.length && selected.size < totalCount; i += stride) {
    selected.add(rest[i]);
  }

  for (const word of edgeCases) {
    selected.add(word);
  }

  return [...selected].sort();
}

function write(name, algorithm, words) {
  const stemmer = snowball.newStemmer(algorithm);
  const lines = words.map((word) => `${word}\t${stemmer.stem(word)}`);
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, name), lines.join('\n') + '\n', 'utf8');
  console.log(`${name}: ${lines.length} words`);
}

const args = parseArgs(process.argv);

const scifact = fs.readFileSync(args.scifact, 'utf8').split('\n').filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line))
  .map((doc) => `${doc.title} ${doc.text}`);
write('english-stems.tsv', 'english', selectWords(countWords(scifact, /[a-z]+(?:'[a-z]+)*/g), englishEdgeCases));

const xquad = JSON.parse(fs.readFileSync(args.xquad, 'utf8'));
const spanish = [];
for (const article of xquad.data) {
  for (const paragraph of article.paragraphs) {
    spanish.push(paragraph.context);
    for (const qa of paragraph.qas) {
      spanish.push(qa.question);
    }
  }
}

write('spanish-stems.tsv', 'spanish', selectWords(countWords(spanish, /[a-záéíóúüñ]+/g), spanishEdgeCases));
