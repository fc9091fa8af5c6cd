using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.Server.Indexing;

namespace DocRag.Server.Endpoints;

/// <summary>A document in <c>GET /v1/documents</c>: where it is, how indexing it ended, and what it holds.</summary>
/// <param name="Path">Relative to the collection's folder, with <c>/</c> separators.</param>
/// <param name="Status"><c>indexed</c> or <c>failed</c>.</param>
/// <param name="Error">The failure code when failed (<c>encrypted</c>, <c>damaged</c>, <c>no text layer</c>, <c>too large</c>, <c>unsupported type</c>, <c>timeout</c>, <c>empty</c>, <c>unreadable</c>).</param>
/// <param name="Reason">The failure message when failed.</param>
/// <param name="Note">A non-fatal remark (pages without text, opened without a password).</param>
/// <param name="Language"><c>en</c>, <c>es</c> or <c>other</c>.</param>
/// <param name="Size">File size in bytes.</param>
/// <param name="Sha256">SHA-256 of the indexed content: compare with an upload's to know the index has that version.</param>
public sealed record DocumentItem(
    long Id,
    string Collection,
    string Path,
    string Name,
    string Type,
    string Status,
    string? Error,
    string? Reason,
    string? Note,
    string? Title,
    int Pages,
    int ChunkCount,
    string Language,
    long Size,
    string Sha256,
    DateTimeOffset ModifiedAt,
    DateTimeOffset IndexedAt)
{
    public static DocumentItem From(StoredDocument document, string? root)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(
            document.Id.Value, document.Collection, RelativePath(document.Path, root), System.IO.Path.GetFileName(document.Path), document.Type,
            document.Status.ToCode(), document.Error, document.Reason, document.Note, document.Title, document.Pages, document.ChunkCount,
            document.Language.ToCode(), document.Fingerprint.Size, document.Fingerprint.Sha256,
            DateTimeOffset.FromUnixTimeMilliseconds(document.Fingerprint.ModifiedUnixMs), document.IndexedAt);
    }

    /// <summary><paramref name="path"/> relative to <paramref name="root"/>; just the file name when it is not inside (never a server path).</summary>
    public static string RelativePath(string path, string? root)
    {
        ArgumentNullException.ThrowIfNull(path);
        return root is not null && CollectionFolders.IsUnder(path, root) && path.Length > root.Length
            ? System.IO.Path.GetRelativePath(root, path).Replace(System.IO.Path.DirectorySeparatorChar, '/')
            : System.IO.Path.GetFileName(path);
    }
}
