namespace DocRag.Core.Embeddings.Tokenization.PreTokenization;

/// <summary>When Metaspace puts its replacement character in front of a piece.</summary>
internal enum PrependScheme
{
    Always,
    First,
    Never,
}
