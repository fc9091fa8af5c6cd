namespace DocRag.Core.Ingestion.Parsers;

/// <summary>The reasons a document ends failed. Codes (see <see cref="ParseFailureKindExtensions"/>) are stable.</summary>
public enum ParseFailureKind
{
    Damaged = 0,
    Encrypted = 1,
    NoTextLayer = 2,
    TooLarge = 3,
    UnsupportedType = 4,
    Timeout = 5,
    Empty = 6,
    Unreadable = 7,
}
