namespace DocRag.Core.Ingestion.Parsers;

/// <summary>Why a document could not be indexed: a stable kind and a message a user can act on.</summary>
public sealed record ParseFailure(ParseFailureKind Kind, string Message)
{
    /// <summary>The stable code stored in the index and shown to users (<c>encrypted</c>, <c>no text layer</c>, ...).</summary>
    public string Code => Kind.ToCode();
}
