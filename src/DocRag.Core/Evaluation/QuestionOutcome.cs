using System.Text.Json;

namespace DocRag.Core.Evaluation;

/// <summary>One asked question's outcome, as <see cref="EvaluationRunner.QuestionLog"/> writes it.</summary>
internal sealed record QuestionOutcome(
    string Set,
    string Settings,
    string Id,
    string Question,
    bool Answerable,
    bool? CitesExpected,
    bool NoAnswer,
    string? Reason,
    string? Detail,
    string? Mode,
    string Language,
    double? Coverage,
    double? Similarity,
    IReadOnlyList<string>? Missing,
    IReadOnlyList<string>? Unknown,
    long? IndexChunks,
    IReadOnlyList<QuestionWord>? Words,
    IReadOnlyList<QuestionPassage>? Passages)
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>A question word in <see cref="QuestionOutcome"/>: chunks of the index that hold it, judged passages that do (bit i: passage i), and whether it reads the same across languages.</summary>
internal sealed record QuestionWord(string Word, long Chunks, int Held, bool Neutral);

/// <summary>A judged passage in <see cref="QuestionOutcome"/>: its similarity to the question and whether it is in another language.</summary>
internal sealed record QuestionPassage(double? Similarity, bool CrossLanguage);
