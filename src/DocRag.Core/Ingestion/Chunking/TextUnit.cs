namespace DocRag.Core.Ingestion.Chunking;

/// <summary>A piece that is never cut further unless it alone is too big: a sentence (or words of an over-long one).</summary>
internal readonly record struct TextUnit(int Start, int End, int Tokens, int Page);
