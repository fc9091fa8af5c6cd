using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary>
/// <c>GET /v1/chunks/{id}</c>: one passage by the chunk id a search hit or citation carries, with its document, so a
/// client can open a cited passage without loading the whole document. Another collection's chunk is 404, as if absent.
/// </summary>
public static class ChunkEndpoints
{
    public static RouteGroupBuilder MapChunks(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapGet("/chunks/{id:long}", GetAsync).WithName("GetChunk").WithTags("Documents")
            .WithSummary("One passage (chunk) by id: its text, pages and heading path, and its document.");
        return v1;
    }

    /// <param name="id">The chunk's id (<c>chunkId</c> of a search hit or citation).</param>
    private static async Task<Results<Ok<ChunkDetail>, ProblemHttpResult>> GetAsync(
        long id, HttpContext context, IndexStore store, CollectionFolders folders, CancellationToken cancellationToken)
    {
        var found = id > 0 ? await store.GetChunksAsync([new ChunkId(id)], cancellationToken).ConfigureAwait(false) : [];
        var chunk = found.Count > 0 ? found[0] : null;
        var document = chunk is not null && CollectionAccess.IsAllowed(context, chunk.Collection)
            ? await store.GetDocumentAsync(chunk.DocumentId, cancellationToken).ConfigureAwait(false)
            : null;
        if (chunk is null || document is null)
        {
            return DocRagProblems.NotFound(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"There is no passage {id}."));
        }

        var root = (await folders.FindAsync(document.Collection, cancellationToken).ConfigureAwait(false))?.Path;
        return TypedResults.Ok(ChunkDetail.From(chunk, DocumentItem.From(document, root)));
    }
}
