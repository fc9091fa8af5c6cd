using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocRag.Core.Embeddings;
using DocRag.TestSupport.Onnx;

namespace DocRag.Bench;

/// <summary>
/// Embedding throughput on a MiniLM-L6-shaped ONNX model with random weights: batches of 32 texts of exactly 128 tokens
/// on 2 intra-op threads. DocRag's embedder (tokenize, run, pool, normalise), ONNX Runtime's C# API alone (run, pool) and
/// onnxruntime-node (the same file and token ids; run, pool) take turns batch by batch, so all three see the same load.
/// </summary>
internal sealed partial class EmbeddingThroughputBenchmark : IBenchmarkRun
{
    public string Name => "embed-throughput";

    public string Description => "embedding texts/s, MiniLM-L6 shape, 32 x 128 tokens, 2 threads, vs onnxruntime-node";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new BenchArgs(args);
        var batch = options.GetInt("--batch", 32);
        var tokens = options.GetInt("--tokens", 128);
        var threads = options.GetInt("--threads", 2);
        var warmup = options.GetInt("--warmup", 3);
        var iterations = options.GetInt("--iterations", 30);
        var folder = EnsureModel(options.Get("--model-dir") ?? Path.Combine(RepoPaths.Artifacts, "minilm-l6-random"));

        using var generator = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions
        {
            ExecutionProvider = "cpu",
            IntraOpThreads = threads,
            BatchSize = batch,
            MaxSequenceLength = tokens,
        });
        var texts = MakeTexts(generator, batch, tokens);
        using var binding = new BindingRunner(generator, folder, texts, threads);
        using var node = await NodeOnnxPeer.StartAsync(
            "embed-throughput.mjs",
            ["--model", Path.Combine(folder, "model.onnx"), "--ids", WriteIds(generator, texts, tokens), "--threads", Str(threads)],
            cancellationToken).ConfigureAwait(false);

        var samples = new Samples();
        for (var i = 0; i < warmup + iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
            var docrag = sw.Elapsed.TotalMilliseconds;
            var bindingMs = binding.RunOnce();
            var (nodeMs, nodeFirst) = await node.RunBatchAsync(cancellationToken).ConfigureAwait(false);
            if (i >= warmup)
            {
                samples.Add(docrag, bindingMs, nodeMs, embeddings[0].Vector.ToArray(), nodeFirst);
            }
        }

        Report(generator, batch, tokens, threads, samples);
        return 0;
    }

    private static string EnsureModel(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "model.onnx")))
        {
            Console.WriteLine($"writing the MiniLM-L6-shaped model to {folder} ...");
            EmbeddingModelFolderWriter.Write(folder, new EmbeddingFolderSpec { Model = BertModelOptions.MiniLmL6, MaxSequenceLength = 512 });
        }

        return folder;
    }

    /// <summary>Texts of single-token words that encode to exactly <paramref name="tokens"/> ids with [CLS] and [SEP].</summary>
    private static List<string> MakeTexts(OnnxEmbeddingGenerator generator, int batch, int tokens)
    {
        string[] words = ["the", "cat", "sat", "on", "mat", "dog", "and", "hello", "world", "of", "to", "in", "is", "it", "a", "query"];
        var texts = new List<string>(batch);
        for (var i = 0; i < batch; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, tokens - 2).Select(j => words[((i * 7) + (j * 3)) % words.Length]));
            var length = generator.Tokenizer.Encode(text, tokens).Length;
            if (length != tokens)
            {
                throw new InvalidOperationException($"a benchmark text encodes to {length} tokens, not {tokens}");
            }

            texts.Add(text);
        }

        return texts;
    }

    private static string WriteIds(OnnxEmbeddingGenerator generator, List<string> texts, int tokens)
    {
        var encoded = texts.Select(t => generator.Tokenizer.Encode(t, tokens)).ToList();
        var path = Path.Combine(RepoPaths.Artifacts, "embed-throughput-ids.json");
        Directory.CreateDirectory(RepoPaths.Artifacts);
        File.WriteAllText(path, JsonSerializer.Serialize(new { ids = encoded.Select(e => e.InputIds), typeIds = encoded.Select(e => e.TypeIds) }));
        return path;
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
