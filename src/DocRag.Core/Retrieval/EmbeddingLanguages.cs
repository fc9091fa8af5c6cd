using DocRag.Core.Embeddings;
using DocRag.Core.Models;
using DocRag.Core.Text;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Retrieval;

/// <summary>
/// The languages an embedding model was trained for (from its <c>docrag-model.json</c>, written from the catalog), and
/// whether a text in a detected language is one of them. A model that does not say, and a text whose language is not
/// known, are taken as covered: only a clear mismatch (an English-only model, a Spanish text) leaves the vector out.
/// </summary>
internal sealed class EmbeddingLanguages
{
    private EmbeddingLanguages(IReadOnlyList<string> codes) => Codes = codes;

    public IReadOnlyList<string> Codes { get; }

    public string Display => string.Join(", ", Codes);

    /// <summary>The model's languages; null when it does not say or is multilingual (nothing to leave out then).</summary>
    public static EmbeddingLanguages? Of(IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var codes = embedder.GetService<OnnxEmbeddingGenerator>()?.Folder.Languages;
        return codes is null or { Count: 0 } || codes.Contains(EmbeddingModelInfo.AnyLanguage) ? null : new EmbeddingLanguages(codes);
    }

    /// <summary>The ISO 639-1 code of a detected language; null for <see cref="TextLanguage.Other"/> (unsure or another).</summary>
    public static string? Code(TextLanguage language) => language switch
    {
        TextLanguage.English => "en",
        TextLanguage.Spanish => "es",
        _ => null,
    };

    /// <summary>False only when the text's language is known and the model was not trained for it.</summary>
    public bool Covers(TextLanguage language) =>
        Code(language) is not { } code || Codes.Contains(code, StringComparer.OrdinalIgnoreCase);
}
