using System.ComponentModel.DataAnnotations;
using DocRag.Core.Storage;
using DocRag.Server.Hosting;
using DocRag.Server.Indexing;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>/v1/documents</c>: list (paged, filtered), get (with chunks), delete (index row and file), upload (multipart).
/// Scoped keys see only their collections' documents; another collection's document is 404, as if absent.
/// </summary>
public static partial class DocumentEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;
    public const int MaxPaths = 100;

    /// <summary>The longest <c>Location</c> an upload answers with; past it, the collection's listing.</summary>
    public const int MaxLocationLength = 2048;

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var documents = v1.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/", ListAsync).WithName("ListDocuments")
            .WithSummary("Documents of the index, ordered by collection and path, paged with offset and limit.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        documents.MapGet("/{id:long}", GetAsync).WithName("GetDocument")
            .WithSummary("One document with its status and error; ?chunks=true adds its chunks (ordinal, pages, heading, text).");
        documents.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteDocument")
            .WithSummary("Removes the document from the index and deletes its file from the collection folder (so no sync re-adds it).");
        documents.MapPost("/", UploadAsync).WithName("UploadDocuments")
            .WithSummary("Uploads files (multipart/form-data, field 'collection', optional 'onConflict' = fail|rename|replace) into a collection's folder and indexes them.")
            .WithUploadLimit()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage);
        return v1;
    }

    /// <param name="collection">Only this collection.</param>
    /// <param name="status"><c>indexed</c> or <c>failed</c>.</param>
    /// <param name="path">Exact paths relative to the collection folder (repeatable, needs <paramref name="collection"/>): how an upload is polled.</param>
    /// <param name="offset">Items to skip (default 0).</param>
    /// <param name="limit">Items to return (default 50, at most 1000).</param>
    private static async Task<Results<Ok<DocumentList>, ValidationProblem>> ListAsync(
        HttpContext context, IndexStore store, CollectionFolders folders,
        string? collection, string? status, string[]? path,
        [Range(0, int.MaxValue)] int? offset, [Range(1, MaxLimit)] int? limit,
        CancellationToken cancellationToken)
    {
        var statusFilter = DocumentStatusExtensions.ParseStatus(status);
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrEmpty(status) && statusFilter is null)
        {
            errors["status"] = ["Use 'indexed' or 'failed'."];
        }

        var paths = path?.Where(p => !string.IsNullOrEmpty(p)).ToArray() ?? [];
        if (paths.Length > 0 && string.IsNullOrEmpty(collection))
        {
            errors["path"] = ["Filtering by path needs 'collection'."];
        }
        else if (paths.Length > MaxPaths)
        {
            errors["path"] = [$"At most {MaxPaths} paths at once."];
        }

        if (errors.Count > 0)
        {
            return DocRagProblems.Validation(errors);
        }

        if (!string.IsNullOrEmpty(collection))
        {
            CollectionAccess.EnsureAllowed(context, collection);
        }

        var roots = await RootsAsync(folders, cancellationToken).ConfigureAwait(false);
        var (skip, take) = (offset ?? 0, limit ?? DefaultLimit);
        if (paths.Length > 0)
        {
            var found = await FindByPathsAsync(store, roots.GetValueOrDefault(collection!), collection!, paths, statusFilter, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new DocumentList(
                [.. found.Skip(skip).Take(take).Select(d => DocumentItem.From(d, roots.GetValueOrDefault(d.Collection)))], found.Count, skip, take));
        }

        var scope = CollectionAccess.GetScope(context);
        var page = await store.ListDocumentsAsync(
            new DocumentQuery(string.IsNullOrEmpty(collection) ? null : collection, statusFilter, skip, take, scope.Collections),
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DocumentList(
            [.. page.Items.Select(d => DocumentItem.From(d, roots.GetValueOrDefault(d.Collection)))], page.Total, skip, take));
    }

    /// <summary>Collection name to folder, for relative paths.</summary>
    internal static async Task<Dictionary<string, string>> RootsAsync(CollectionFolders folders, CancellationToken cancellationToken) =>
        (await folders.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Name, f => f.Path, StringComparer.Ordinal);

    private static async Task<List<StoredDocument>> FindByPathsAsync(
        IndexStore store, string? root, string collection, string[] paths, DocumentStatus? status, CancellationToken cancellationToken)
    {
        var found = new List<StoredDocument>();
        if (root is null)
        {
            return found;
        }

        foreach (var relative in paths.Distinct(StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(Path.Combine(root, relative));
            if (!CollectionFolders.IsUnder(full, root)
                || await store.GetDocumentByPathAsync(full, cancellationToken).ConfigureAwait(false) is not { } document
                || document.Collection != collection
                || (status is not null && document.Status != status))
            {
                continue;
            }

            found.Add(document);
        }

        return [.. found.OrderBy(d => d.Path, StringComparer.Ordinal)];
    }
}
