namespace DocRag.Core.Embeddings.Tokenization;

/// <summary>A stretch of input text: either plain text for the model, or exactly one added token.</summary>
internal readonly record struct TextSegment(int Start, int Length, AddedToken? Token);
