// The onnxruntime-node peer of DocRag's embed-throughput benchmark: the same model file, the same token ids, the same
// session options (CPU, intra-op threads, graph optimisation "all", sequential), then masked mean pooling and L2
// normalisation in JavaScript, as the C# embedder does. Prints one JSON object with the per-batch timings.
//
// node embed-throughput.mjs --model FILE --ids FILE.json --threads 2 [--serve | --warmup 3 --iterations 20]

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import ort from 'onnxruntime-node';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const modelPath = option('--model');
const idsPath = option('--ids');
const threads = Number(option('--threads', '2'));
const warmup = Number(option('--warmup', '3'));
const iterations = Number(option('--iterations', '20'));
if (!modelPath || !idsPath) {
  console.error('usage: node embed-throughput.mjs --model FILE --ids FILE.json [--threads N] [--warmup N] [--iterations N]');
  process.exit(2);
}

const batch = JSON.parse(readFileSync(idsPath, 'utf8')); // { ids: [[...]], typeIds: [[...]] }, all rows the same length
const rows = batch.ids.length;
const sequence = batch.ids[0].length;

const session = await ort.InferenceSession.create(modelPath, {
  executionProviders: ['cpu'],
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  executionMode: 'sequential',
  enableCpuMemArena: true,
  enableMemPattern: true,
});

function embedBatch() {
  const ids = new BigInt64Array(rows * sequence);
  const mask = new BigInt64Array(rows * sequence);
  const types = new BigInt64Array(rows * sequence);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < sequence; t++) {
      ids[r * sequence + t] = BigInt(batch.ids[r][t]);
      mask[r * sequence + t] = 1n;
      types[r * sequence + t] = BigInt(batch.typeIds[r][t]);
    }
  }

  const dims = [rows, sequence];
  const feeds = { input_ids: new ort.Tensor('int64', ids, dims), attention_mask: new ort.Tensor('int64', mask, dims) };
  if (session.inputNames.includes('token_type_ids')) {
    feeds.token_type_ids = new ort.Tensor('int64', types, dims);
  }

  return session.run(feeds, ['last_hidden_state']).then((out) => {
    const hiddenState = out.last_hidden_state;
    const hidden = hiddenState.dims[2];
    const data = hiddenState.data;
    const vectors = [];
    for (let r = 0; r < rows; r++) {
      const v = new Float32Array(hidden);
      for (let t = 0; t < sequence; t++) {
        const base = (r * sequence + t) * hidden;
        for (let d = 0; d < hidden; d++) v[d] += data[base + d];
      }
      let norm = 0;
      for (let d = 0; d < hidden; d++) {
        v[d] /= sequence;
        norm += v[d] * v[d];
      }
      norm = Math.sqrt(norm);
      for (let d = 0; d < hidden; d++) v[d] /= norm;
      vectors.push(v);
    }
    return vectors;
  });
}

// Serve mode: one batch per "run" line on stdin, so the benchmark can interleave DocRag's batches with these and both
// see the same machine load. Each answer is one JSON line; the time covers building the tensors, the run and pooling.
if (process.argv.includes('--serve')) {
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'run') {
      const start = performance.now();
      const vectors = await embedBatch();
      const ms = performance.now() - start;
      console.log(JSON.stringify({ ms, firstVector: Array.from(vectors[0]) }));
    } else if (line === 'quit') {
      break;
    }
  }
  process.exit(0);
}

for (let i = 0; i < warmup; i++) await embedBatch();
const times = [];
let first;
for (let i = 0; i < iterations; i++) {
  const start = performance.now();
  const vectors = await embedBatch();
  times.push(performance.now() - start);
  first ??= Array.from(vectors[0]);
}

console.log(JSON.stringify({
  runtime: `onnxruntime-node ${ort.env.versions?.common ?? ''}`.trim(),
  node: process.version,
  rows,
  sequence,
  threads,
  timesMs: times,
  firstVector: first,
}));
