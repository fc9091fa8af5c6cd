using DocRag.Core.Storage;
using DocRag.Core.Text;

namespace DocRag.Cli.Commands;

/// <summary>The JSON shape of a document in <c>docs list --json</c> and <c>docs show --json</c>.</summary>
internal sealed record DocumentView(
    long Id,
    string Path,
    string Collection,
    string Type,
    string Status,
    string? Error,
    string? Reason,
    string? Note,
    string? Title,
    int Pages,
    string Language,
    int ChunkCount,
    string Sha256,
    long Size,
    DateTimeOffset IndexedAt)
{
    public static DocumentView From(StoredDocument d) => new(
        d.Id.Value, d.Path, d.Collection, d.Type, d.Status.ToCode(), d.Error, d.Reason, d.Note, d.Title, d.Pages, d.Language.ToCode(),
        d.ChunkCount, d.Fingerprint.Sha256, d.Fingerprint.Size, d.IndexedAt);
}
