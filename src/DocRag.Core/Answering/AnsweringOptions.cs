using System.ComponentModel.DataAnnotations;

namespace DocRag.Core.Answering;

/// <summary>How questions are answered from the index (section <c>DocRag:Answering</c>), validated at start.</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "DocRag:Answering";

    /// <summary>Passages retrieved for a question (the prompt keeps as many of them as fit the context budget).</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 6;

    /// <summary>Hits whose fused search score is below this are not relevant; 0 keeps every hit.</summary>
    [Range(0.0, 1_000_000.0)]
    public double RelevanceFloor { get; set; }

    /// <summary>
    /// A hit found only by vector search (no keyword match) must be at least this similar to the question (cosine);
    /// below it the passage is not relevant. Hits with a keyword match are kept whatever their similarity.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double MinVectorSimilarity { get; set; } = 0.2;

    /// <summary>
    /// The least share of the question's rare-word weight (inverse document frequency in this index) the best passage
    /// must hold for the passages to count as able to answer (<see cref="RelevanceJudge"/>; less in an index of few chunks);
    /// 0 turns the check off.
    /// Calibrated by cross-validation on questions the documents answer and questions they do not (docs/EVALUATION.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.41;

    /// <summary>
    /// With vector search, the least cosine similarity the closest passage (in a language the model reads) must have to
    /// the question; -1 turns the check off. Calibrated like <see cref="MinCoverage"/>.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double MinSimilarity { get; set; } = -1;

    /// <summary>Whether a name in the question that no chunk of the index holds ("Mistral", "Tesla") means the documents cannot answer it.</summary>
    public bool UnknownNames { get; set; } = true;

    /// <summary>How many of the best passages the relevance decision reads.</summary>
    [Range(1, 50)]
    public int JudgedPassages { get; set; } = 5;

    /// <summary>Most tokens a generated answer may have (a request may ask for fewer, or more up to the context).</summary>
    [Range(16, 32_768)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>Sampling temperature for answers; low, because answers should stick to the passages.</summary>
    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.2f;

    /// <summary>Share of the generator's context the prompt (instructions, history, passages, question) may fill.</summary>
    [Range(0.1, 0.95)]
    public double PromptBudgetRatio { get; set; } = 0.75;

    /// <summary>Answers generated at the same time, whatever the generator (local or remote).</summary>
    [Range(1, 256)]
    public int MaxConcurrentGenerations { get; set; } = 2;

    /// <summary>Answers allowed to wait for a generation slot; one more is refused with 429 and <c>Retry-After</c>.</summary>
    [Range(0, 10_000)]
    public int MaxQueuedGenerations { get; set; } = 16;

    /// <summary>The <c>Retry-After</c> sent when the generation queue is full.</summary>
    [Range(1, 3600)]
    public int BusyRetryAfterSeconds { get; set; } = 2;

    /// <summary>Passages an extractive answer (no generator) quotes from.</summary>
    [Range(1, 20)]
    public int ExtractivePassages { get; set; } = 3;

    /// <summary>Sentences an extractive answer quotes from each passage.</summary>
    [Range(1, 20)]
    public int ExtractiveSentences { get; set; } = 3;

    /// <summary>Longest citation snippet, in characters.</summary>
    [Range(40, 4000)]
    public int SnippetChars { get; set; } = 300;
}
