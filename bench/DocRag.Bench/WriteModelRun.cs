using DocRag.TestSupport.Onnx;

namespace DocRag.Bench;

/// <summary>
/// Writes a generated BERT-shaped model folder (random weights fixed by the seed), for golden files and for the node
/// peers: <c>write-model --shape tiny|minilm-l6 --out DIR [--tokenizer DIR] [--seed N] [--max-seq N]</c>.
/// </summary>
internal sealed class WriteModelRun : IBenchmarkRun
{
    public string Name => "write-model";

    public string Description => "write a generated BERT-shaped model folder (--shape tiny|minilm-l6 --out DIR [--tokenizer DIR])";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = new BenchArgs(args);
        var output = options.Get("--out");
        if (output is null)
        {
            Console.Error.WriteLine("write-model: --out DIR is required");
            return Task.FromResult(2);
        }

        var shape = ShapeOf(options.Get("--shape") ?? "tiny");
        if (shape is null)
        {
            Console.Error.WriteLine("write-model: --shape must be tiny or minilm-l6");
            return Task.FromResult(2);
        }

        var spec = new EmbeddingFolderSpec
        {
            Model = shape with { Seed = (ulong)options.GetInt("--seed", (int)shape.Seed) },
            TokenizerDirectory = options.Get("--tokenizer"),
            MaxSequenceLength = options.GetInt("--max-seq", 128),
        };
        var dir = EmbeddingModelFolderWriter.Write(output, spec);
        Console.WriteLine(dir);
        return Task.FromResult(0);
    }

    internal static BertModelOptions? ShapeOf(string name) => name switch
    {
        "tiny" => BertModelOptions.Tiny,
        "minilm-l6" => BertModelOptions.MiniLmL6,
        _ => null,
    };
}
