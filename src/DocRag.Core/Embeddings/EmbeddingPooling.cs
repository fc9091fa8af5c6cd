namespace DocRag.Core.Embeddings;

/// <summary>How token vectors become one text vector (sentence-transformers' 1_Pooling/config.json).</summary>
public enum EmbeddingPooling
{
    /// <summary>The mean of the real (unpadded) tokens' vectors.</summary>
    Mean = 0,

    /// <summary>The first token's ([CLS]) vector.</summary>
    Cls = 1,

    /// <summary>The element-wise maximum over the real tokens.</summary>
    Max = 2,
}
