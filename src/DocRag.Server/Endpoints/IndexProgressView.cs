namespace DocRag.Server.Endpoints;

/// <summary>The running sync's progress.</summary>
/// <param name="Phase"><c>scanning</c>, <c>comparing</c>, <c>indexing</c>, <c>embedding</c> or <c>done</c>.</param>
/// <param name="CurrentFile">The file being read, relative to the collection folder.</param>
public sealed record IndexProgressView(
    string Collection, string Phase, int FilesDone, int FilesTotal, long Chunks, double ChunksPerSecond, string? CurrentFile);
