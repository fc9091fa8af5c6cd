namespace DocRag.Core.Models;

/// <summary>What an embedder needs to know about a catalog embedding model beyond its files.</summary>
/// <param name="Dimension">Length of the output vectors.</param>
/// <param name="QueryPrefix">Text put before a query (e5: <c>"query: "</c>), empty when none.</param>
/// <param name="PassagePrefix">Text put before a passage (e5: <c>"passage: "</c>), empty when none.</param>
/// <param name="Pooling">How token vectors become one vector: <c>mean</c> or <c>cls</c>.</param>
/// <param name="MaxSequenceLength">Tokens per input as sentence-transformers uses the model.</param>
/// <param name="Normalize">Whether vectors are L2-normalised.</param>
/// <param name="Languages">The languages the model was trained for, as ISO 639-1 codes (<c>en</c>), or
/// <see cref="AnyLanguage"/> for a multilingual model; null when unknown.</param>
public sealed record EmbeddingModelInfo(
    int Dimension,
    string QueryPrefix,
    string PassagePrefix,
    string Pooling,
    int MaxSequenceLength,
    bool Normalize,
    IReadOnlyList<string>? Languages = null)
{
    /// <summary>The <see cref="Languages"/> entry of a multilingual model.</summary>
    public const string AnyLanguage = "*";
}
