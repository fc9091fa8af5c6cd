using DocRag.Native.Llama;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Generation;

/// <summary>Per-request settings: <see cref="ChatOptions"/> first, then <see cref="GenerationOptions"/> defaults.</summary>
public sealed partial class LlamaChatClient
{
    private sealed record GenerationRequest(LlamaSamplingSettings Sampling, int MaxOutputTokens, IReadOnlyList<string> StopSequences, bool IgnoreEndOfGeneration);

    private GenerationRequest ResolveRequest(ChatOptions? options)
    {
        var maxTokens = options?.MaxOutputTokens ?? _options.MaxOutputTokens;
        if (maxTokens <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxTokens, "MaxOutputTokens must be positive.");
        }

        var seed = options?.Seed is { } s ? unchecked((uint)s) : _options.Seed;
        var sampling = new LlamaSamplingSettings
        {
            Temperature = options?.Temperature ?? _options.Temperature,
            TopP = options?.TopP ?? _options.TopP,
            TopK = options?.TopK ?? _options.TopK,
            MinP = options.Get<float>(LlamaChatOptionsExtensions.MinPKey) ?? _options.MinP,
            RepeatPenalty = options.Get<float>(LlamaChatOptionsExtensions.RepeatPenaltyKey) ?? _options.RepeatPenalty,
            RepeatLastN = options.Get<int>(LlamaChatOptionsExtensions.RepeatLastNKey) ?? _options.RepeatLastN,
            FrequencyPenalty = options?.FrequencyPenalty ?? 0f,
            PresencePenalty = options?.PresencePenalty ?? 0f,
            Seed = seed,
        };
        var ignoreEog = options.Get<bool>(LlamaChatOptionsExtensions.IgnoreEndOfGenerationKey) ?? false;
        return new GenerationRequest(sampling, maxTokens, options?.StopSequences?.ToArray() ?? [], ignoreEog);
    }
}
