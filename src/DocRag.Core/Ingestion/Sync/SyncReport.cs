namespace DocRag.Core.Ingestion.Sync;

/// <summary>What one folder sync did.</summary>
/// <param name="Added">New files indexed (or failed).</param>
/// <param name="Updated">Changed files re-indexed.</param>
/// <param name="Touched">Files whose time changed but content did not.</param>
/// <param name="Moved">Renames and moves applied without re-parsing or re-embedding.</param>
/// <param name="Failed">Documents of this run that ended failed.</param>
/// <param name="VectorsEmbedded">Vectors computed for existing chunks (a model change or keyword-only rows).</param>
public sealed record SyncReport(
    string Collection,
    string Root,
    int Scanned,
    int Added,
    int Updated,
    int Unchanged,
    int Touched,
    int Moved,
    int Deleted,
    int Failed,
    long Chunks,
    bool ModelChanged,
    long VectorsEmbedded,
    TimeSpan Elapsed);
