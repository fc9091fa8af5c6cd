using System.Text.RegularExpressions;
using DocRag.Core.Generation;
using DocRag.Native.Llama;
using DocRag.TestSupport;
using Microsoft.Extensions.Logging;

namespace DocRag.Core.Tests.Generation;

/// <summary>Builds real <see cref="LlamaChatClient"/>s over the shared and generated models for the generation tests.</summary>
internal static partial class TestGenerators
{
    public static string Stories => TestEnvironment.ModelFile("stories260K", "stories260K.gguf");

    public static string TinyRandom => TestEnvironment.ModelFile("llama-2-tiny-random", "llama-2-tiny-random.gguf");

    /// <summary>Greedy, no repetition penalty, small context, one thread (tiny models gain nothing from more): reproducible outputs.</summary>
    public static LlamaChatClient Create(string path, Action<GenerationOptions>? configure = null, ILogger<LlamaChatClient>? logger = null)
    {
        var options = new GenerationOptions { ContextSize = 512, Threads = 1, Temperature = 0, RepeatPenalty = 1, MaxOutputTokens = 64 };
        configure?.Invoke(options);
        return new LlamaChatClient(LlamaModel.Load(path), options, logger);
    }

    /// <summary>The greedy continuation of "Once upon a time" that SOURCE.txt records for llama.cpp v0.5.0 (40 tokens).</summary>
    public static string StoriesContinuation()
    {
        var source = File.ReadAllText(TestEnvironment.ModelFile("stories260K", "SOURCE.txt"));
        var match = ContinuationPattern().Match(source);
        Assert.True(match.Success, "SOURCE.txt no longer states the greedy continuation");
        return match.Groups["text"].Value;
    }

    [GeneratedRegex("greedy, 40 tokens:\\s*\"(?<text>[^\"]+)\"")]
    private static partial Regex ContinuationPattern();
}
