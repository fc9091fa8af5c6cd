using DocRag.Core.Retrieval;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Answering;

/// <summary>A question to answer from the index, with optional limits and generation settings.</summary>
/// <param name="Question">The question, as the user wrote it.</param>
public sealed record AnswerRequest(string Question)
{
    /// <summary>Longest question accepted, in characters (the search's own limit).</summary>
    public const int MaxQuestionLength = SearchRequest.MaxQueryLength;

    /// <summary>Only this collection.</summary>
    public string? Collection { get; init; }

    /// <summary>The collections the caller may see (a scoped API key's); null = all, empty = none.</summary>
    public IReadOnlySet<string>? AllowedCollections { get; init; }

    /// <summary>Passages to retrieve; null = <see cref="AnsweringOptions.TopK"/>.</summary>
    public int? TopK { get; init; }

    /// <summary>Null: generative when a generator is available, else extractive. Generative without a generator is refused (503).</summary>
    public AnswerMode? Mode { get; init; }

    /// <summary>How to search; null = the search's default (hybrid when an embedding model is loaded, else keyword).</summary>
    public SearchMode? SearchMode { get; init; }

    /// <summary>Earlier turns of a conversation (user and assistant messages), oldest first; kept as the budget allows.</summary>
    public IReadOnlyList<ChatMessage> History { get; init; } = [];

    /// <summary>Cap on generated tokens; null = <see cref="AnsweringOptions.MaxOutputTokens"/>.</summary>
    public int? MaxOutputTokens { get; init; }

    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public long? Seed { get; init; }

    public IReadOnlyList<string>? StopSequences { get; init; }
}
