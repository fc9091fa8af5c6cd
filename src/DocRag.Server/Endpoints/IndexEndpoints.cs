using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Problems;
using DocRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocRag.Server.Endpoints;

/// <summary><c>/v1/index</c>: start a sync of the collection folders, and the indexing status.</summary>
public static class IndexEndpoints
{
    public const string StatusPath = ApiEndpoints.Prefix + "/index/status";

    public static RouteGroupBuilder MapIndex(this RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var index = v1.MapGroup("/index").WithTags("Index");
        index.MapPost("/sync", SyncAsync).WithName("SyncIndex")
            .WithSummary("Queues a sync of every collection folder (or of one, with {\"collection\": NAME}); requests merge with syncs already waiting.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        index.MapGet("/status", GetStatusAsync).WithName("GetIndexStatus")
            .WithSummary("'indexing' or 'idle', counts, the running sync's progress, the queue, the last run and the embedding model of the index.");
        return v1;
    }

    private static async Task<Results<Accepted<SyncResponse>, ProblemHttpResult>> SyncAsync(
        SyncRequest? request, HttpContext context, CollectionFolders folders, SyncScheduler scheduler, IndexStore store, IndexingStatusTracker tracker,
        CancellationToken cancellationToken)
    {
        await store.EnsureWritableAsync(cancellationToken).ConfigureAwait(false); // a read-only index: 503 now, not a sync that fails later
        var scope = CollectionAccess.GetScope(context);
        List<CollectionFolder> targets;
        if (!string.IsNullOrWhiteSpace(request?.Collection))
        {
            var name = request.Collection.Trim();
            CollectionAccess.EnsureAllowed(context, name);
            if (await folders.FindAsync(name, cancellationToken).ConfigureAwait(false) is not { } folder)
            {
                return DocRagProblems.NotFound($"There is no collection '{name}' with a folder to sync.");
            }

            targets = [folder];
        }
        else
        {
            targets = [.. (await folders.ListAsync(cancellationToken).ConfigureAwait(false)).Where(f => scope.Allows(f.Name))];
        }

        foreach (var folder in targets)
        {
            scheduler.Enqueue(folder.Name);
        }

        var status = await IndexStatusReader.ReadAsync(scope, store, folders, scheduler, tracker, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted(StatusPath, new SyncResponse([.. targets.Select(t => t.Name)], status));
    }

    private static async Task<Ok<IndexStatusResponse>> GetStatusAsync(
        HttpContext context, CollectionFolders folders, SyncScheduler scheduler, IndexStore store, IndexingStatusTracker tracker, CancellationToken cancellationToken) =>
        TypedResults.Ok(await IndexStatusReader.ReadAsync(CollectionAccess.GetScope(context), store, folders, scheduler, tracker, cancellationToken).ConfigureAwait(false));
}
