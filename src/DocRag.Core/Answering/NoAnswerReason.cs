using System.Text.Json.Serialization;

namespace DocRag.Core.Answering;

/// <summary>Why an answer says the documents do not answer the question.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoAnswerReason>))]
public enum NoAnswerReason
{
    /// <summary>Search found no passage at all (empty index, nothing matched, or no collection the caller may use).</summary>
    [JsonStringEnumMemberName("no-passages")]
    NoPassages = 0,

    /// <summary>Search found passages, but none scored above the relevance floor. The generator was not called.</summary>
    [JsonStringEnumMemberName("below-relevance-floor")]
    BelowRelevanceFloor = 1,

    /// <summary>The generator read the passages and said they do not contain the answer.</summary>
    [JsonStringEnumMemberName("not-in-documents")]
    NotInDocuments = 2,

    /// <summary>Extractive answer: no sentence of the passages shares a term with the question.</summary>
    [JsonStringEnumMemberName("no-matching-sentences")]
    NoMatchingSentences = 3,

    /// <summary>
    /// Search found passages, but the relevance decision judged that none can answer (too little of the question's
    /// rare-word weight, or too low a similarity); <see cref="Answer.NoAnswerDetail"/> names the signal. The generator was not called.
    /// </summary>
    [JsonStringEnumMemberName("not-relevant")]
    NotRelevant = 4,
}
