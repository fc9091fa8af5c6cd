using DocRag.Core.Ingestion.Parsers;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// The real text parser for <c>.txt</c>, but the first read of each file is preceded by cutting the file to
/// <paramref name="keepBytes"/> bytes (and moving its time): a file truncated while the sync reads it.
/// </summary>
internal sealed class TruncatingTextParser(IDocumentParser text, int keepBytes) : IDocumentParser
{
    private readonly HashSet<string> _cut = [];

    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public string DocumentType => text.DocumentType;

    public async Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        bool first;
        lock (_cut)
        {
            first = _cut.Add(path);
        }

        if (first)
        {
            await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                stream.SetLength(Math.Min(keepBytes, stream.Length));
            }

            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        }

        return await text.ParseAsync(path, cancellationToken);
    }
}
