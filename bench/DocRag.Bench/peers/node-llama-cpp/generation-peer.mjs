// The node-llama-cpp side of `DocRag.Bench generation`: loads the same GGUF with the same threads, context and batch
// size, then answers timing requests read as JSON lines on stdin, one JSON line each on stdout:
//   {"op":"pp","text":"..."}        -> prompt processing: BOS + text, until the first token is sampled
//   {"op":"tg","text":"...","n":64} -> generation: greedy, n tokens, end-of-generation tokens do not stop it
//   {"op":"quit"}
import { createInterface } from "node:readline";
import { performance } from "node:perf_hooks";
import { getLlama } from "node-llama-cpp";

const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => a.startsWith("--") ? [a.slice(2), all[i + 1]] : null).filter(Boolean));
const threads = Number(args.threads);
const llama = await getLlama({ gpu: false, build: "never", usePrebuiltBinaries: true, skipDownload: true, logLevel: "error" });
const model = await llama.loadModel({ modelPath: args.model, gpuLayers: 0 });
const context = await model.createContext({
    sequences: 1,
    contextSize: Number(args.ctx),
    batchSize: Number(args.batch),
    threads: { ideal: threads, min: threads },
    flashAttention: "auto", // llama.cpp's default, which DocRag keeps
});
const sequence = context.getSequence();
const bos = model.tokens.bos;

function promptTokens(text) {
    const tokens = model.tokenize(text);
    return bos == null ? tokens : [bos, ...tokens];
}

async function run(request) {
    const tokens = promptTokens(request.text);
    const n = request.op === "pp" ? 1 : request.n;
    await sequence.clearHistory();
    const start = performance.now();
    let produced = 0;
    const generator = sequence.evaluate(tokens, { temperature: 0, yieldEogToken: true });
    for await (const token of generator) {
        if (++produced >= n) break;
    }
    const ms = performance.now() - start;
    return { promptTokens: tokens.length, outputTokens: produced, ms };
}

console.log(JSON.stringify({ ready: true, threads: context.currentThreads, contextSize: context.contextSize, batchSize: context.batchSize, flashAttention: context.flashAttention }));
for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const request = JSON.parse(line);
    if (request.op === "quit") break;
    console.log(JSON.stringify(await run(request)));
}
await context.dispose();
await model.dispose();
await llama.dispose();
