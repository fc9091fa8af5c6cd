using System.Text.Json.Serialization;

namespace DocRag.Core.Answering;

/// <summary>
/// What the index says about whether the passages found can answer a question (<see cref="RelevanceJudge"/>), shown with
/// an answer so that a no-answer, or an answer, can be checked.
/// </summary>
/// <param name="Coverage">
/// The share of the question's word weight that the best passage holds, each word weighted by how rare it is in this
/// index (inverse document frequency): 1 when the passage has every question word, near 0 when it has only common ones.
/// </param>
/// <param name="Similarity">The best cosine similarity of a passage to the question by the embedding model; null when vector search did not run or does not apply.</param>
/// <param name="Missing">The question's words no passage found holds, rarest first.</param>
/// <param name="Unknown">The question's words no passage of the whole index holds.</param>
/// <param name="Decider">The signal that decided a no-answer: <c>unknown-name</c>, <c>coverage</c> or <c>similarity</c>; null when the passages were judged relevant.</param>
public sealed record RelevanceSignals(
    double Coverage,
    double? Similarity,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unknown,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Decider)
{
    /// <summary>For evaluation logs: each question word, how many chunks of the index hold it, and which judged passages hold it (bit i: passage i).</summary>
    [JsonIgnore]
    internal IReadOnlyList<(string Word, long Chunks, int Held, bool Neutral)> Words { get; init; } = [];

    /// <summary>For evaluation logs: the index's chunk count the word weights were taken from.</summary>
    [JsonIgnore]
    internal long IndexChunks { get; init; }

    /// <summary>For evaluation logs: each judged passage's similarity and whether it is in another language than the question.</summary>
    [JsonIgnore]
    internal IReadOnlyList<(double? Similarity, bool CrossLanguage)> Passages { get; init; } = [];
}
