namespace DocRag.Core.Tests.Embeddings.Tokenization;

/// <summary>One golden encoding: the text, the limit (null: none), the reference ids and type ids, and the count without specials.</summary>
internal sealed record GoldenCase(string Text, int? MaxLength, int[] Ids, int[] TypeIds, int? Count);
