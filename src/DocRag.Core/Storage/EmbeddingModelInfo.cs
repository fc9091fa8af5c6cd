namespace DocRag.Core.Storage;

/// <summary>The embedding model that built the index's vectors: its id and dimension. A different pair means a re-embed.</summary>
public sealed record EmbeddingModelInfo(string ModelId, int Dimension);
