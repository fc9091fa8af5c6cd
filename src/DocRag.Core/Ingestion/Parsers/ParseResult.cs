using System.Diagnostics.CodeAnalysis;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>Either a parsed document or the reason it could not be parsed.</summary>
public sealed record ParseResult
{
    private ParseResult(ParsedDocument? document, ParseFailure? failure)
    {
        Document = document;
        Failure = failure;
    }

    public ParsedDocument? Document { get; }

    public ParseFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Document is not null;

    public static ParseResult Success(ParsedDocument document) =>
        new(document ?? throw new ArgumentNullException(nameof(document)), null);

    public static ParseResult Failed(ParseFailureKind kind, string message) => new(null, new ParseFailure(kind, message));
}
