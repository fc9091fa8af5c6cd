namespace DocRag.Core.Embeddings;

/// <summary>An embedding model folder that cannot be used: the message names the file and the problem.</summary>
public sealed class EmbeddingModelException : Exception
{
    public EmbeddingModelException()
    {
    }

    public EmbeddingModelException(string message)
        : base(message)
    {
    }

    public EmbeddingModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
