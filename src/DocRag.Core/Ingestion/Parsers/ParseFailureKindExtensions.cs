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
        ParseFailureKind.OutsideFolder => "outside folder",
        _ => "damaged",
    };

    /// <summary>
    /// Failures that may clear without the file changing (permissions fixed, a file that settled), so every sync retries
    /// them. A timeout is not: retrying a parse that ran out of time on each sync would cost that time again and again.
    /// </summary>
    public static bool IsTransient(this ParseFailureKind kind) => kind is ParseFailureKind.Unreadable;

    public static ParseFailureKind? ParseCode(string? code) => code switch
    {
        "encrypted" => ParseFailureKind.Encrypted,
        "no text layer" => ParseFailureKind.NoTextLayer,
        "too large" => ParseFailureKind.TooLarge,
        "unsupported type" => ParseFailureKind.UnsupportedType,
        "timeout" => ParseFailureKind.Timeout,
        "empty" => ParseFailureKind.Empty,
        "unreadable" => ParseFailureKind.Unreadable,
        "outside folder" => ParseFailureKind.OutsideFolder,
        "damaged" => ParseFailureKind.Damaged,
        _ => null,
    };
}
