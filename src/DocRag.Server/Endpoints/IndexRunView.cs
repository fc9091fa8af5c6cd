namespace DocRag.Server.Endpoints;

/// <summary>What the last finished sync did.</summary>
public sealed record IndexRunView(
    string Collection,
    int Scanned,
    int Added,
    int Updated,
    int Unchanged,
    int Moved,
    int Deleted,
    int Failed,
    long Chunks,
    long VectorsEmbedded,
    bool ModelChanged,
    double ElapsedSeconds,
    DateTimeOffset? FinishedAt);
