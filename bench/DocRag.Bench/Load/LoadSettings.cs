using System.Globalization;

namespace DocRag.Bench.Load;

/// <summary>The options of the <c>load</c> benchmark.</summary>
/// <param name="Docs">The folder the server indexes (default samples/docs).</param>
/// <param name="DocRag">The built <c>docrag.dll</c> the server runs from.</param>
/// <param name="Model">A GGUF generator for <c>/v1/ask</c>; null: extractive answers.</param>
/// <param name="Workload"><c>search</c> (only <c>/v1/search</c>) or <c>mixed</c> (half search, half ask).</param>
/// <param name="ContextSize">The generator's context (<c>DocRag:Generation:ContextSize</c>); 0 leaves the server's default.</param>
/// <param name="Threads">The generator's threads (<c>DocRag:Generation:Threads</c>); 0 leaves the server's default (all cores).</param>
/// <param name="Soak">True for a soak run: the verdict on memory (first vs last quartile) is the point.</param>
internal sealed record LoadSettings(
    string Docs,
    string DocRag,
    string? Model,
    string Workload,
    int Clients,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan SampleInterval,
    int MaxTokens,
    int ContextSize,
    int Threads,
    int Seed,
    bool Soak)
{
    public bool Mixed => Workload == "mixed";

    public static LoadSettings Parse(IReadOnlyList<string> args)
    {
        var options = new BenchArgs(args);
        var soak = options.Get("--soak");
        var workload = options.Get("--workload") ?? "search";
        if (workload is not ("search" or "mixed"))
        {
            throw new ArgumentException($"--workload must be search or mixed, not '{workload}'");
        }

        return new LoadSettings(
            Path.GetFullPath(options.Get("--docs") ?? Path.Combine(RepoPaths.Root, "samples", "docs")),
            Path.GetFullPath(options.Get("--docrag") ?? Path.Combine(RepoPaths.Root, "src", "DocRag.Cli", "bin", "Release", "net10.0", "docrag.dll")),
            options.Get("--model") is { } model ? Path.GetFullPath(model) : null,
            workload,
            options.GetInt("--clients", 32),
            soak is not null ? ParseDuration(soak) : ParseDuration(options.Get("--duration") ?? "60s"),
            ParseDuration(options.Get("--warmup") ?? "5s"),
            ParseDuration(options.Get("--sample") ?? "1s"),
            options.GetInt("--max-tokens", 32),
            options.GetInt("--ctx", 0),
            options.GetInt("--threads", 0),
            options.GetInt("--seed", 8),
            soak is not null);
    }

    /// <summary><c>90</c> or <c>90s</c> (seconds), <c>10m</c> (minutes).</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith('m') ? (text[..^1], 60.0) : (text.TrimEnd('s'), 1.0);
        return TimeSpan.FromSeconds(double.Parse(number, CultureInfo.InvariantCulture) * unit);
    }
}
