using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocRag.Core.Embeddings.Tokenization;

namespace DocRag.Bench;

/// <summary>
/// Tokenizer throughput on real text: <c>tokenize --model DIR --corpus FILE [--max-tokens N] [--limit N]</c>; FILE is a
/// BEIR corpus.jsonl (title + text) or plain text, one passage per line.
/// </summary>
internal sealed class TokenizerBenchmark : IBenchmarkRun
{
    public string Name => "tokenize";

    public string Description => "embedding tokenizer throughput (texts/s, tokens/s) on a corpus";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var model = Option(args, "--model");
        var corpus = Option(args, "--corpus");
        if (model is null || corpus is null)
        {
            Console.Error.WriteLine("usage: tokenize --model DIR --corpus FILE [--max-tokens 128] [--limit 5000]");
            return Task.FromResult(2);
        }

        var maxTokens = int.Parse(Option(args, "--max-tokens") ?? "128", CultureInfo.InvariantCulture);
        var limit = int.Parse(Option(args, "--limit") ?? "5000", CultureInfo.InvariantCulture);
        var texts = File.ReadLines(corpus).Where(l => l.Length > 0).Take(limit).Select(Passage).ToList();

        var load = Stopwatch.StartNew();
        var tokenizer = TokenizerLoader.Load(model);
        load.Stop();

        // One warm-up pass, then the timed one.
        foreach (var text in texts.Take(200))
        {
            tokenizer.Encode(text, maxTokens);
        }

        long tokens = 0;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens += tokenizer.Encode(text, maxTokens).Length;
        }

        sw.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"tokenizer:  {tokenizer.GetType().Name} from {model} (loaded in {load.Elapsed.TotalMilliseconds:F0} ms)");
        Console.WriteLine($"corpus:     {texts.Count} texts, {chars / (double)texts.Count:F0} chars each on average, max {maxTokens} tokens");
        Console.WriteLine($"throughput: {texts.Count / sw.Elapsed.TotalSeconds:F0} texts/s, {tokens / sw.Elapsed.TotalSeconds:F0} tokens/s, " +
            $"{chars / sw.Elapsed.TotalSeconds / 1e6:F2} M chars/s (one thread)");
        Console.WriteLine($"allocated:  {allocated / (double)texts.Count / 1024:F1} KiB per text");
        return Task.FromResult(0);
    }

    private static string Passage(string line)
    {
        if (!line.StartsWith('{'))
        {
            return line;
        }

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
        var text = root.TryGetProperty("text", out var x) ? x.GetString() : null;
        return string.IsNullOrEmpty(title) ? text ?? "" : $"{title}. {text}";
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
