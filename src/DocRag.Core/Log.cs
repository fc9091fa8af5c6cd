using Microsoft.Extensions.Logging;

namespace DocRag.Core;

/// <summary>
/// DocRag.Core's source-generated log messages. Event id ranges by feature: Hosting 1-99, Embeddings 100-199,
/// Generation 200-299, Ingestion 300-399, Storage 400-499, Retrieval 500-599, Answering 600-699, Models 700-799,
/// Evaluation 800-899.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "DocRag {Version} data folder {DataPath}")]
    public static partial void Starting(ILogger logger, string version, string dataPath);

    // Ingestion 300-399
    [LoggerMessage(300, LogLevel.Warning, "A {DocumentType} parser failed unexpectedly; the file is recorded as damaged")]
    public static partial void ParserFailed(ILogger logger, string documentType, Exception exception);

    [LoggerMessage(301, LogLevel.Information, "Collection {Collection} synced: {Added} added, {Updated} updated, {Moved} moved, {Deleted} deleted, {Failed} failed, {Unchanged} unchanged in {Seconds:F1} s")]
    public static partial void SyncFinished(ILogger logger, string collection, int added, int updated, int moved, int deleted, int failed, int unchanged, double seconds);

    [LoggerMessage(302, LogLevel.Warning, "Not indexed: {Path}: {Code}: {Reason}")]
    public static partial void DocumentFailed(ILogger logger, string path, string code, string reason);

    [LoggerMessage(303, LogLevel.Information, "Embedding model is now {Model} ({Dimension} dimensions; was {Previous}, {PreviousDimension}): vectors will be rebuilt")]
    public static partial void EmbeddingModelSet(ILogger logger, string model, int dimension, string previous, int previousDimension);

    [LoggerMessage(304, LogLevel.Error, "The embedder failed on a batch of {Count} texts; those chunks stay keyword-only until the next sync")]
    public static partial void EmbeddingFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(305, LogLevel.Warning, "Sync of {Folder} failed")]
    public static partial void WatchSyncFailed(ILogger logger, string folder, Exception exception);

    [LoggerMessage(306, LogLevel.Information, "Watching {Folder} as collection {Collection}")]
    public static partial void Watching(ILogger logger, string folder, string collection);
}
