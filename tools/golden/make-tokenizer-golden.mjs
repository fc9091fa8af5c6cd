// Makes the golden token ids the C# tokenizer tests compare against, with the Hugging Face reference tokenizers.
//
// Reference: the Rust `tokenizers` crate (what Python `tokenizers` and so sentence-transformers run), through the
// prebuilt native binding @anush008/tokenizers. Cross-check: @huggingface/transformers (transformers.js), whose
// truncation drops the final [SEP]/</s> (corrected here) and whose Precompiled normalizer ignores the charsmap;
// every disagreement is listed in the golden file.
//
// Usage (from this folder): npm ci --ignore-scripts && DOCRAG_TEST_MODELS=/path/to/shared/models npm run golden
// Without DOCRAG_TEST_MODELS the all-MiniLM-L6-v2 goldens are left as they are.

import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import tokenizers from '@anush008/tokenizers';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { inputs } from './tokenizer-inputs.mjs';
import { tinyWordPiece, tinyWordPieceVariant } from './tiny-wordpiece.mjs';
import { buildTinyUnigram, buildTinyUnigramNfkc, buildTinyUnigramVariant } from './tiny-unigram.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const testData = join(repo, 'tests/DocRag.Core.Tests/Embeddings/Tokenization/TestData');
const referenceName = `tokenizers ${cargoVersion()} (Rust, via @anush008/tokenizers ${packageVersion('@anush008/tokenizers')})`;
const crossCheckName = `@huggingface/transformers ${packageVersion('@huggingface/transformers')}`;
const truncationLengths = [16, 128];

function packageVersion(name) {
  return JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function cargoVersion() {
  const toml = readFileSync(join(here, 'node_modules/@anush008/tokenizers/Cargo.toml'), 'utf8');
  return /^tokenizers\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? 'unknown';
}

// The cases for one tokenizer: each input untruncated, and truncated wherever a limit actually cuts it.
async function referenceCases(reference) {
  reference.disablePadding();
  const cases = [];
  for (const text of inputs) {
    reference.disableTruncation();
    const full = await reference.encode(text);
    const count = (await reference.encode(text, null, { addSpecialTokens: false })).getIds().length;
    cases.push({ text, maxLength: null, ids: full.getIds(), typeIds: full.getTypeIds(), count });
    for (const maxLength of truncationLengths) {
      if (full.getIds().length > maxLength) {
        reference.setTruncation(maxLength);
        const cut = await reference.encode(text);
        cases.push({ text, maxLength, ids: cut.getIds(), typeIds: cut.getTypeIds() });
      }
    }
  }

  return cases;
}

// transformers.js on the same folder; its truncation keeps the first maxLength ids, so cut here as Python does.
async function crossCheck(folder, cases) {
  env.allowRemoteModels = false;
  env.localModelPath = dirname(folder);
  const tokenizer = await AutoTokenizer.from_pretrained(basename(folder));
  const disagreements = [];
  for (const c of cases) {
    let ids = tokenizer.encode(c.text);
    if (c.maxLength !== null && ids.length > c.maxLength) {
      ids = [...ids.slice(0, c.maxLength - 1), ids[ids.length - 1]];
    }

    if (JSON.stringify(ids) !== JSON.stringify(c.ids)) {
      disagreements.push({ text: c.text, maxLength: c.maxLength, reference: c.ids, transformersJs: ids });
    }
  }

  return disagreements;
}

function basename(path) {
  return path.split(/[\\/]/).filter(Boolean).pop();
}

function writeGolden(name, description, cases, disagreements) {
  const file = join(testData, 'golden', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  const golden = {
    description,
    reference: referenceName,
    crossCheck: crossCheckName,
    generatedBy: 'tools/golden/make-tokenizer-golden.mjs',
    crossCheckDisagreements: disagreements,
    cases,
  };
  writeFileSync(file, compactCases(golden));
  console.log(`${name}: ${cases.length} cases, ${disagreements.length} transformers.js disagreements -> ${file}`);
}

// One case per line keeps the file short and its diffs readable.
function compactCases(golden) {
  const { cases, crossCheckDisagreements, ...head } = golden;
  const headJson = JSON.stringify(head, null, 2).slice(0, -2);
  const block = (items) => items.length === 0 ? '[]' : `[\n${items.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]`;
  return `${headJson},\n  "crossCheckDisagreements": ${block(crossCheckDisagreements)},\n  "cases": ${block(cases)}\n}\n`;
}

async function miniLm() {
  const models = process.env.DOCRAG_TEST_MODELS;
  if (!models) {
    console.log('DOCRAG_TEST_MODELS is not set: all-MiniLM-L6-v2 goldens left as they are.');
    return;
  }

  const folder = join(models, 'all-MiniLM-L6-v2-tokenizer');
  const reference = tokenizers.Tokenizer.fromFile(join(folder, 'tokenizer.json'));
  const cases = await referenceCases(reference);
  const disagreements = await crossCheck(folder, cases);
  writeGolden('all-MiniLM-L6-v2', 'all-MiniLM-L6-v2 (BERT WordPiece, uncased): shared tokenizer.json; vocab.txt gives the same ids', cases, disagreements);
}

async function tiny(name, description, build) {
  const folder = join(testData, name);
  mkdirSync(folder, { recursive: true });
  const files = build();
  for (const [file, content] of Object.entries(files.committed)) {
    writeFileSync(join(folder, file), content);
  }

  const reference = tokenizers.Tokenizer.fromString(files.referenceJson);
  const cases = await referenceCases(reference);
  // transformers.js needs tokenizer.json and tokenizer_config.json; folders without both get no cross-check.
  const disagreements = existsSync(join(folder, 'tokenizer.json')) && existsSync(join(folder, 'tokenizer_config.json'))
    ? await crossCheck(folder, cases)
    : [];
  writeGolden(name, description, cases, disagreements);
}

await miniLm();
await tiny('tiny-wordpiece', 'A small cased WordPiece vocabulary (vocab.txt + tokenizer_config.json: do_lower_case false, strip_accents true)', tinyWordPiece);
await tiny('tiny-wordpiece-variant', 'The tiny vocabulary with NFD/StripAccents/Lowercase/Replace, Whitespace, BertProcessing and added tokens (normalized, single-word)', tinyWordPieceVariant);
await tiny('tiny-unigram', 'A small SentencePiece Unigram tokenizer.json in the XLM-RoBERTa layout with a hand-built Precompiled charsmap', buildTinyUnigram);
await tiny('tiny-unigram-variant', 'The same pieces with byte fallback, NFKC/Lowercase/Strip, WhitespaceSplit + Metaspace(first, no split), RobertaProcessing', buildTinyUnigramVariant);
await tiny('tiny-unigram-nfkc', 'The XLM-RoBERTa layout with a charsmap of every NFKC mapping (about 5,000 rules)', buildTinyUnigramNfkc);
