namespace DocRag.Core.Evaluation;

/// <summary>What a kept scratch index holds (<see cref="ScratchIndexCache"/>), written once its build is complete.</summary>
/// <param name="Files">For the file forms: each corpus file's full path and its corpus id (null for the direct form).</param>
/// <param name="Documents">For the direct form: each stored document id and its corpus id (null for the file forms).</param>
/// <param name="Chunks">Chunks the corpus was cut into.</param>
/// <param name="EmbeddingModel">The model whose vectors the index holds; null for a keyword-only index.</param>
/// <param name="BuildSeconds">How long the first build took.</param>
internal sealed record ScratchIndexMarker(
    IReadOnlyDictionary<string, string>? Files,
    IReadOnlyDictionary<long, string>? Documents,
    int Chunks,
    string? EmbeddingModel,
    double BuildSeconds);
