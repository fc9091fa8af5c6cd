using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocRag.Core.Embeddings;
using DocRag.TestSupport.Onnx;

namespace DocRag.Bench;

/// <summary>
/// Embedding throughput on a MiniLM-L6-shaped ONNX model with random weights: batches of 32 texts of exactly 128 tokens
/// on 2 intra-op threads, DocRag's embedder (tokenize, run, pool, normalise) side by side with onnxruntime-node running
/// the same file on the same token ids (run, pool, normalise), alternating rounds.
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
        var iterations = options.GetInt("--iterations", 20);
        var rounds = options.GetInt("--rounds", 2);
        var folder = EnsureModel(options.Get("--model-dir") ?? Path.Combine(RepoPaths.Artifacts, "minilm-l6-random"));

        using var generator = OnnxEmbeddingGenerator.Load(folder, new EmbeddingOptions
        {
            ExecutionProvider = "cpu",
            IntraOpThreads = threads,
            BatchSize = batch,
            MaxSequenceLength = tokens,
        });
        var texts = MakeTexts(generator, batch, tokens);
        var idsFile = WriteIds(generator, texts, tokens);

        var docrag = new List<double>();
        var binding = new List<double>();
        var node = new List<double>();
        float[]? docragFirst = null;
        float[]? nodeFirst = null;
        for (var round = 0; round < rounds; round++)
        {
            docragFirst = await MeasureGeneratorAsync(generator, texts, warmup, iterations, docrag, cancellationToken).ConfigureAwait(false);
            MeasureBinding(generator, folder, texts, threads, warmup, iterations, binding);
            using var peer = await NodeOnnxPeer.RunAsync(
                "embed-throughput.mjs",
                ["--model", Path.Combine(folder, "model.onnx"), "--ids", idsFile, "--threads", Str(threads), "--warmup", Str(warmup), "--iterations", Str(iterations)],
                cancellationToken).ConfigureAwait(false);
            node.AddRange(peer.RootElement.GetProperty("timesMs").EnumerateArray().Select(e => e.GetDouble()));
            nodeFirst = peer.RootElement.GetProperty("firstVector").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        }

        Report(generator, batch, tokens, threads, iterations * rounds, docrag, binding, node, docragFirst!, nodeFirst!);
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

    private static async Task<float[]> MeasureGeneratorAsync(
        OnnxEmbeddingGenerator generator, List<string> texts, int warmup, int iterations, List<double> times, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmup; i++)
        {
            await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        float[]? first = null;
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            var result = await generator.GenerateAsync(texts, cancellationToken: cancellationToken).ConfigureAwait(false);
            times.Add(sw.Elapsed.TotalMilliseconds);
            first ??= result[0].Vector.ToArray();
        }

        return first!;
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
