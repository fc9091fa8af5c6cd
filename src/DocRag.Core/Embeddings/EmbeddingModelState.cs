namespace DocRag.Core.Embeddings;

/// <summary>Where the shared embedding model stands.</summary>
public enum EmbeddingModelState
{
    NotLoaded = 0,
    Loading = 1,
    Ready = 2,

    /// <summary>No model: turned off, or none was found (keyword search only).</summary>
    Unavailable = 3,

    /// <summary>A model was found but could not be loaded; the reason says why.</summary>
    Failed = 4,
}
