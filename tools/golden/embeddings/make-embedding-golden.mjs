// Makes the golden vectors for the C# embedding parity test: the generated tiny BERT-shaped model (written by DocRag's
// own writer, seed 42) with the real all-MiniLM-L6-v2 tokenizer, run by onnxruntime-node and tokenized by
// @huggingface/transformers, mean-pooled over the attention mask and L2-normalised, as sentence-transformers does.
//
// Usage (from this folder): npm ci --ignore-scripts && DOCRAG_TEST_MODELS=/path/to/shared/models npm run golden
// It runs `dotnet run --project bench/DocRag.Bench -- write-model` to write the model folder first.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { texts } from './embedding-texts.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const output = join(repo, 'tests/DocRag.Core.Tests/Embeddings/TestData/minilm-tokenizer-tiny-model.golden.json');
const seed = 42;
const maxSeqLength = 64;

const models = process.env.DOCRAG_TEST_MODELS;
if (!models) {
  console.error('DOCRAG_TEST_MODELS must point at the shared models folder (it holds all-MiniLM-L6-v2-tokenizer).');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'docrag-golden-'));
const folder = join(work, 'tiny-minilm');
try {
  execFileSync('dotnet', [
    'run', '-c', 'Release', '--project', join(repo, 'bench/DocRag.Bench'), '--',
    'write-model', '--shape', 'tiny', '--seed', String(seed), '--max-seq', String(maxSeqLength),
    '--tokenizer', join(models, 'all-MiniLM-L6-v2-tokenizer'), '--out', folder,
  ], { stdio: 'inherit' });

  const modelPath = join(folder, 'model.onnx');
  const sha256 = createHash('sha256').update(readFileSync(modelPath)).digest('hex');

  env.allowRemoteModels = false;
  env.localModelPath = dirname(folder);
  const tokenizer = await AutoTokenizer.from_pretrained(basename(folder));
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });

  const cases = [];
  for (const text of texts) {
    // transformers.js truncation drops the final [SEP]; cut the untruncated ids the Python way instead.
    let ids = Array.from(tokenizer.encode(text));
    if (ids.length > maxSeqLength) {
      ids = [...ids.slice(0, maxSeqLength - 1), ids[ids.length - 1]];
    }

    const dims = [1, ids.length];
    const feeds = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), dims),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(ids.length).fill(1n), dims),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(ids.length), dims),
    };
    const { last_hidden_state: hiddenState } = await session.run(feeds, ['last_hidden_state']);
    const hidden = hiddenState.dims[2];
    const vector = new Float64Array(hidden);
    for (let t = 0; t < ids.length; t++) {
      for (let d = 0; d < hidden; d++) vector[d] += hiddenState.data[t * hidden + d];
    }
    const norm = Math.sqrt(vector.reduce((s, v) => s + (v / ids.length) ** 2, 0));
    cases.push({ text, ids, vector: Array.from(vector, (v) => Number((v / ids.length / norm).toPrecision(8))) });
  }

  const golden = {
    description: 'Mean-pooled, L2-normalised vectors of the generated tiny BERT model (BertModelOptions.Tiny, seed 42) with the all-MiniLM-L6-v2 tokenizer.',
    generator: `onnxruntime-node ${readVersion('onnxruntime-node')} + @huggingface/transformers ${readVersion('@huggingface/transformers')}`,
    model: { shape: 'tiny', seed, sha256 },
    tokenizer: 'all-MiniLM-L6-v2-tokenizer',
    maxSeqLength,
    pooling: 'mean',
    cases,
  };
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, JSON.stringify(golden, null, 1) + '\n');
  console.log(`wrote ${cases.length} vectors to ${output} (model sha256 ${sha256})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function readVersion(name) {
  return JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
}
