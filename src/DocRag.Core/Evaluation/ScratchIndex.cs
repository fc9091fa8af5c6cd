using DocRag.Core.Storage;

namespace DocRag.Core.Evaluation;

/// <summary>
/// A corpus written into a scratch index: each stored document's corpus id, the chunk count, the vectors' model, the
/// time the build took, and whether a kept index was reused as it was (then <paramref name="Elapsed"/> is its first build's).
/// </summary>
internal sealed record ScratchIndex(IReadOnlyDictionary<DocumentId, string> Ids, int Chunks, string? EmbeddingModel, TimeSpan Elapsed, bool Reused = false);
