namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>One text encoded for a transformer encoder: ids with special tokens, and the segment (token type) ids.</summary>
public sealed record EncodedText(int[] InputIds, int[] TypeIds)
{
    public int Length => InputIds.Length;
}
