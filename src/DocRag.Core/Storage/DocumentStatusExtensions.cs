namespace DocRag.Core.Storage;

/// <summary>The status values stored in <c>documents.status</c>.</summary>
public static class DocumentStatusExtensions
{
    public static string ToCode(this DocumentStatus status) => status == DocumentStatus.Failed ? "failed" : "indexed";

    public static DocumentStatus? ParseStatus(string? code) => code?.Trim().ToUpperInvariant() switch
    {
        "INDEXED" => DocumentStatus.Indexed,
        "FAILED" => DocumentStatus.Failed,
        _ => null,
    };
}
