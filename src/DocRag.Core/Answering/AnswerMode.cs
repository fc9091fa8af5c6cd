using System.Text.Json.Serialization;

namespace DocRag.Core.Answering;

/// <summary>How an answer was made: written by the generator from the passages, or quoted from them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnswerMode>))]
public enum AnswerMode
{
    /// <summary>The generator wrote the answer from numbered passages and cited them.</summary>
    [JsonStringEnumMemberName("generative")]
    Generative = 0,

    /// <summary>No generator: the best passages' sentences that match the question, quoted with citations.</summary>
    [JsonStringEnumMemberName("extractive")]
    Extractive = 1,
}
