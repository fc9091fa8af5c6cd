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

    /// <summary>A link that leads outside the collection's folder: not followed, so nothing outside the folder is read.</summary>
    OutsideFolder = 8,
}
