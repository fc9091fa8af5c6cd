using DocRag.Core.Storage;

namespace DocRag.Core.Evaluation;

/// <summary>A corpus written into a scratch index: each stored document's corpus id, the chunk count, the vectors' model and the time it took.</summary>
internal sealed record ScratchIndex(IReadOnlyDictionary<DocumentId, string> Ids, int Chunks, string? EmbeddingModel, TimeSpan Elapsed);
