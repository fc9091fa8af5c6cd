using Microsoft.Extensions.AI;

namespace DocRag.Core.Generation;

/// <summary>
/// llama.cpp sampling settings that <see cref="ChatOptions"/> has no property for, carried in
/// <see cref="ChatOptions.AdditionalProperties"/> under these keys.
/// </summary>
public static class LlamaChatOptionsExtensions
{
    public const string MinPKey = "min_p";
    public const string RepeatPenaltyKey = "repeat_penalty";
    public const string RepeatLastNKey = "repeat_last_n";

    /// <summary>Keep generating through end-of-generation tokens (benchmarks that must produce N tokens).</summary>
    public const string IgnoreEndOfGenerationKey = "ignore_eog";

    public static ChatOptions WithMinP(this ChatOptions options, float minP) => Set(options, MinPKey, minP);

    public static ChatOptions WithRepeatPenalty(this ChatOptions options, float penalty, int? lastN = null)
    {
        Set(options, RepeatPenaltyKey, penalty);
        return lastN is { } n ? Set(options, RepeatLastNKey, n) : options;
    }

    public static ChatOptions WithIgnoreEndOfGeneration(this ChatOptions options, bool ignore = true) =>
        Set(options, IgnoreEndOfGenerationKey, ignore);

    internal static T? Get<T>(this ChatOptions? options, string key)
        where T : struct =>
        options?.AdditionalProperties is { } props && props.TryGetValue<T>(key, out var value) ? value : null;

    private static ChatOptions Set<T>(ChatOptions options, string key, T value)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[key] = value;
        return options;
    }
}
