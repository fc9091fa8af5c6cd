using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;
using DocRag.Server.Indexing;
using DocRag.Server.Uploads;

namespace DocRag.Server.Endpoints;

/// <summary>The services the upload endpoint uses, bound together with <c>[AsParameters]</c>.</summary>
public sealed record UploadServices(
    CollectionFolders Folders,
    DocumentReader Reader,
    UploadWriter Writer,
    SyncScheduler Scheduler,
    UploadFolderWatchers Watchers,
    IndexStore Store,
    ILoggerFactory Loggers);
