namespace DocRag.Core.Answering;

/// <summary>
/// An answer to a question, generative or extractive, in one shape. <paramref name="Text"/> cites passages as
/// <c>[n]</c>; <paramref name="Citations"/> lists exactly the numbers the text uses, in order of first use.
/// </summary>
/// <param name="Text">The answer; when <paramref name="NoAnswer"/>, the sentence saying the documents do not contain it.</param>
/// <param name="Mode">Generative (written by the generator) or extractive (quoted from the passages).</param>
/// <param name="NoAnswer">True when the documents do not answer the question; <paramref name="NoAnswerReason"/> says how that was decided.</param>
/// <param name="Language">The question's language as detected (<c>en</c>, <c>es</c>, or <c>other</c>), which the answer is asked to use.</param>
/// <param name="Model">The generator that wrote the answer; null for extractive answers.</param>
/// <param name="SearchMode">How the passages were searched: <c>keyword</c>, <c>vector</c> or <c>hybrid</c>.</param>
/// <param name="Passages">How many passages were given to the generator (or considered by the extractive answer).</param>
/// <param name="Truncated">True when the generator stopped at the output token limit, so the answer may be cut short.</param>

public sealed record Answer(
    string Text,
    AnswerMode Mode,
    IReadOnlyList<AnswerCitation> Citations,
    bool NoAnswer,
    NoAnswerReason? NoAnswerReason,
    string Language,
    string? Model,
    string? SearchMode,
    int Passages,
    AnswerUsage Usage,
    AnswerTimings Timings,
    bool Truncated = false)
{
    /// <summary>Why, in words, for a no-answer the relevance decision gave: "no passage mentions 'mistral'".</summary>
    public string? NoAnswerDetail { get; init; }

    /// <summary>What the relevance decision saw (coverage of the question's rare words, similarity); null when it did not run.</summary>
    public RelevanceSignals? Relevance { get; init; }

    /// <summary>True for a generated answer whose cited passages share none of its key terms: it is shown, but not as grounded in them.</summary>
    public bool Unsupported { get; init; }
}
