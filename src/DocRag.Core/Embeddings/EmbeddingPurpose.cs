namespace DocRag.Core.Embeddings;

/// <summary>What a text is embedded as; asymmetric models (e5) prefix queries and passages differently.</summary>
public enum EmbeddingPurpose
{
    Passage = 0,
    Query = 1,
}
