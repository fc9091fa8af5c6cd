using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

public static partial class DocumentEndpoints
{
    /// <param name="id">The document's id.</param>
    /// <param name="chunks">Include the document's chunks.</param>
    private static async Task<Results<Ok<DocumentDetail>, ProblemHttpResult>> GetAsync(
        long id, bool? chunks, HttpContext context, IndexStore store, CollectionFolders folders, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(context, store, id, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return NotFound(id);
        }

        var root = (await folders.FindAsync(document.Collection, cancellationToken).ConfigureAwait(false))?.Path;
        var chunkItems = chunks == true
            ? (await store.GetDocumentChunksAsync(document.Id, cancellationToken).ConfigureAwait(false)).Select(DocumentChunkItem.From).ToArray()
            : null;
        return TypedResults.Ok(new DocumentDetail(DocumentItem.From(document, root), chunkItems));
    }

    /// <param name="id">The document's id.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, HttpContext context, IndexStore store, CollectionFolders folders, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(context, store, id, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return NotFound(id);
        }

        var logger = loggers.CreateLogger(typeof(DocumentEndpoints));
        var folder = await folders.FindAsync(document.Collection, cancellationToken).ConfigureAwait(false);
        // Only a file inside the collection's folder is deleted; a row pointing elsewhere (a stale root) only leaves the index.
        if (folder is not null && CollectionFolders.IsUnder(document.Path, folder.Path))
        {
            // By real path: a folder link on the way (alpha/betalink -> beta) would make File.Delete remove a file outside
            // the folder. The file itself may be a link: deleting it removes the link, inside the folder.
            if (!RealPaths.IsReallyInside(Path.GetDirectoryName(document.Path)!, folder.Path))
            {
                Log.DocumentFileOutsideFolder(logger, id, document.Collection);
                return DocRagProblems.Conflict(
                    "The document's file is reached through a link that leads outside the collection's folder; DocRag does not delete files there. Remove the link from the folder instead.");
            }

            try
            {
                // File first: a crash between the two leaves a row whose file is gone, which the next sync removes.
                File.Delete(document.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.DocumentFileNotDeleted(logger, id, ex);
                return DocRagProblems.Conflict(
                    "The document's file could not be deleted from the collection folder (access denied or in use); the document stays indexed.");
            }
        }

        await store.DeleteDocumentAsync(document.Id, cancellationToken).ConfigureAwait(false);
        Log.DocumentDeleted(logger, id, document.Collection);
        return TypedResults.NoContent();
    }

    /// <summary>The document, or null when it does not exist or the caller's key may not see its collection.</summary>
    private static async Task<StoredDocument?> FindVisibleAsync(HttpContext context, IndexStore store, long id, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            return null;
        }

        var document = await store.GetDocumentAsync(new DocumentId(id), cancellationToken).ConfigureAwait(false);
        return document is not null && CollectionAccess.IsAllowed(context, document.Collection) ? document : null;
    }

    private static ProblemHttpResult NotFound(long id) =>
        DocRagProblems.NotFound(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"There is no document {id}."));
}
