using System.Globalization;

namespace DocRag.Bench;

/// <summary>Options of <c>DocRag.Bench generation</c>; every one has a default that matches docs/BENCHMARKS.md.</summary>
internal sealed record GenerationBenchmarkSettings
{
    public string? Model { get; init; }

    public string WorkDirectory { get; init; } = Path.Combine("artifacts", "bench");

    public int Threads { get; init; } = 2;

    public int ContextSize { get; init; } = 2048;

    public int BatchSize { get; init; } = 512;

    public int PromptTokens { get; init; } = 256;

    public int OutputTokens { get; init; } = 64;

    public int Rounds { get; init; } = 5;

    public int Vocabulary { get; init; } = 128256;

    public bool Peer { get; init; } = true;

    public static GenerationBenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var s = new GenerationBenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            s = args[i] switch
            {
                "--model" => s with { Model = Next() },
                "--work" => s with { WorkDirectory = Next() },
                "--threads" => s with { Threads = Int() },
                "--ctx" => s with { ContextSize = Int() },
                "--batch" => s with { BatchSize = Int() },
                "--prompt-tokens" => s with { PromptTokens = Int() },
                "--tokens" => s with { OutputTokens = Int() },
                "--rounds" => s with { Rounds = Int() },
                "--vocab" => s with { Vocabulary = Int() },
                "--no-peer" => s with { Peer = false },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return s;
    }
}
