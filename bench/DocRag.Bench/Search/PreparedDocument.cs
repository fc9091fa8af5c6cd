namespace DocRag.Bench.Search;

/// <summary>A bench document ready to insert with its chunks.</summary>
internal sealed record PreparedDocument(string Path, string Collection, string Type, string Title, string AnalysedTitle, PreparedChunk[] Chunks);
