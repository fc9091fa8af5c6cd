using System.Diagnostics;
using System.Globalization;
using DocRag.Core.Generation;
using DocRag.Core.Text;
using DocRag.Native;
using DocRag.Native.Llama;
using Microsoft.Extensions.AI;

namespace DocRag.Bench;

/// <summary>
/// Generation speed of DocRag's <see cref="LlamaChatClient"/> against node-llama-cpp (same llama.cpp build, same file):
/// prompt processing (pp, tokens/s over a long prompt until the first token) and greedy generation (tg, tokens/s
/// over N tokens from a short prompt, end-of-generation ignored) on a Llama-3.2-1B-shaped Q4_K_M GGUF with random
/// weights, alternating the two in rounds and reporting medians.
/// </summary>
internal sealed partial class GenerationBenchmark : IBenchmarkRun
{
    private const string Sentence = "Once upon a time there was a little girl and a boy , they had a big red ball in the park . ";

    public string Name => "generation";

    public string Description => "llama.cpp generation tokens/s: DocRag LlamaChatClient vs node-llama-cpp on a Llama-3.2-1B-shaped Q4_K_M";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var settings = GenerationBenchmarkSettings.Parse(args);
        var modelPath = settings.Model ?? EnsureBenchModel(settings);
        Console.WriteLine($"machine: {MachineDescription()}");
        Console.WriteLine($"model:   {modelPath} ({new FileInfo(modelPath).Length / (1024.0 * 1024):F0} MiB)");
        Console.WriteLine($"DocRag: llama.cpp {NativeVersions.LlamaCppCommit} via LLamaSharp {NativeVersions.LlamaSharp} ({LlamaBackend.LoadedBuild}); peer: node-llama-cpp (bench/DocRag.Bench/peers/node-llama-cpp); threads {settings.Threads}, context {settings.ContextSize}, batch {settings.BatchSize}, greedy");

        using var client = new LlamaChatClient(LlamaModel.Load(modelPath, new LlamaModelLoadOptions { GpuLayers = 0 }), new GenerationOptions
        {
            ContextSize = settings.ContextSize,
            BatchSize = settings.BatchSize,
            Threads = settings.Threads,
            Temperature = 0,
            RepeatPenalty = 1,
            ContextPoolSize = 1,
        });
        var longPrompt = PromptOf(client.GetService<ITokenCounter>()!, settings.PromptTokens);
        const string shortPrompt = "Once upon a time";
        await using var peer = settings.Peer ? await NodeLlamaPeer.StartAsync(modelPath, settings, cancellationToken).ConfigureAwait(false) : null;

        var results = new Dictionary<string, List<GenerationMeasurement>>(StringComparer.Ordinal);
        void Add(string key, GenerationMeasurement m) => (results.TryGetValue(key, out var l) ? l : results[key] = []).Add(m);

        // Warm-up: page the weights in and JIT the loop on both sides.
        await DocRagRunAsync(client, longPrompt, 1, cancellationToken).ConfigureAwait(false);
        await DocRagRunAsync(client, shortPrompt, 4, cancellationToken).ConfigureAwait(false);
        if (peer is not null)
        {
            await peer.RunAsync("pp", longPrompt, 1, cancellationToken).ConfigureAwait(false);
            await peer.RunAsync("tg", shortPrompt, 4, cancellationToken).ConfigureAwait(false);
        }

        for (var round = 1; round <= settings.Rounds; round++)
        {
            var pp = await DocRagRunAsync(client, longPrompt, 1, cancellationToken).ConfigureAwait(false);
            Add("docrag-pp", pp);
            var tg = await DocRagRunAsync(client, shortPrompt, settings.OutputTokens, cancellationToken).ConfigureAwait(false);
            Add("docrag-tg", tg);
            var line = $"round {round}: docrag pp {pp.PromptRate,7:F2} t/s ({pp.PromptTokens} tokens), tg {tg.OutputRate,6:F2} t/s ({tg.OutputTokens} tokens)";
            if (peer is not null)
            {
                var ppPeer = await peer.RunAsync("pp", longPrompt, 1, cancellationToken).ConfigureAwait(false);
                Add("peer-pp", ppPeer);
                var tgPeer = await peer.RunAsync("tg", shortPrompt, settings.OutputTokens, cancellationToken).ConfigureAwait(false);
                Add("peer-tg", tgPeer);
                line += $" | node-llama-cpp pp {ppPeer.PromptRate,7:F2} t/s ({ppPeer.PromptTokens} tokens), tg {tgPeer.OutputRate,6:F2} t/s ({tgPeer.OutputTokens} tokens)";
            }

            Console.WriteLine(line);
        }

        return Report(results, settings);
    }

    private static async Task<GenerationMeasurement> DocRagRunAsync(LlamaChatClient client, string prompt, int tokens, CancellationToken cancellationToken)
    {
        var options = new ChatOptions { MaxOutputTokens = tokens, Temperature = 0 }.WithRepeatPenalty(1f).WithIgnoreEndOfGeneration();
        var clock = Stopwatch.StartNew();
        UsageDetails? usage = null;
        await foreach (var update in client.GetCompletionStreamingAsync(prompt, options, cancellationToken).ConfigureAwait(false))
        {
            usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? usage;
        }

        clock.Stop();
        return new GenerationMeasurement((int)usage!.InputTokenCount!.Value, (int)usage.OutputTokenCount!.Value, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Repeats a sentence until the text is at least <paramref name="tokens"/> tokens (BOS comes on top).</summary>
    private static string PromptOf(ITokenCounter counter, int tokens)
    {
        var text = new System.Text.StringBuilder();
        while (counter.CountTokens(text.ToString()) < tokens - 1)
        {
            text.Append(Sentence);
        }

        var words = text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && counter.CountTokens(string.Join(' ', words)) > tokens - 1)
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    private static string MachineDescription()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return string.Create(CultureInfo.InvariantCulture, $"{model ?? "unknown CPU"}, {Environment.ProcessorCount} logical CPUs, load average {load} at start");
    }
}
