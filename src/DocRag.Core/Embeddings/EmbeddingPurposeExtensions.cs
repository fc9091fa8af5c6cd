using Microsoft.Extensions.AI;

namespace DocRag.Core.Embeddings;

/// <summary>Carries <see cref="EmbeddingPurpose"/> through <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.</summary>
public static class EmbeddingPurposeExtensions
{
    public const string PropertyName = "docrag.purpose";

    /// <summary>Options that ask for query embeddings.</summary>
    public static EmbeddingGenerationOptions ForQuery() => new EmbeddingGenerationOptions().WithPurpose(EmbeddingPurpose.Query);

    public static EmbeddingGenerationOptions WithPurpose(this EmbeddingGenerationOptions options, EmbeddingPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyName] = purpose.ToString();
        return options;
    }

    /// <summary>The purpose the options ask for; <see cref="EmbeddingPurpose.Passage"/> when they say nothing.</summary>
    public static EmbeddingPurpose GetPurpose(this EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties is { } props
        && props.TryGetValue(PropertyName, out var value)
        && Enum.TryParse<EmbeddingPurpose>(value?.ToString(), ignoreCase: true, out var purpose)
            ? purpose
            : EmbeddingPurpose.Passage;
}
