namespace DocRag.Core.Ingestion.Parsers;

/// <summary>The stable codes of <see cref="ParseFailureKind"/> as stored in the index.</summary>
public static class ParseFailureKindExtensions
{
    public static string ToCode(this ParseFailureKind kind) => kind switch
    {
        ParseFailureKind.Encrypted => "encrypted",
        ParseFailureKind.NoTextLayer => "no text layer",
        ParseFailureKind.TooLarge => "too large",
        ParseFailureKind.UnsupportedType => "unsupported type",
        ParseFailureKind.Timeout => "timeout",
        ParseFailureKind.Empty => "empty",
        ParseFailureKind.Unreadable => "unreadable",
        _ => "damaged",
    };

    /// <summary>Failures that may clear without the file changing (permissions fixed, a busy machine), so a sync retries them.</summary>
    public static bool IsTransient(this ParseFailureKind kind) =>
        kind is ParseFailureKind.Unreadable or ParseFailureKind.Timeout;

    public static ParseFailureKind? ParseCode(string? code) => code switch
    {
        "encrypted" => ParseFailureKind.Encrypted,
        "no text layer" => ParseFailureKind.NoTextLayer,
        "too large" => ParseFailureKind.TooLarge,
        "unsupported type" => ParseFailureKind.UnsupportedType,
        "timeout" => ParseFailureKind.Timeout,
        "empty" => ParseFailureKind.Empty,
        "unreadable" => ParseFailureKind.Unreadable,
        "damaged" => ParseFailureKind.Damaged,
        _ => null,
    };
}
