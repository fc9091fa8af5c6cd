using DocRag.Core.Ingestion.Parsers;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// The real text parser for <c>.txt</c>, but just before the first read of each file <paramref name="interfere"/> runs
/// on it (cut it short, delete it): a file changed under the sync while it reads.
/// </summary>
internal sealed class InterferingTextParser(IDocumentParser text, Action<string> interfere) : IDocumentParser
{
    private readonly HashSet<string> _done = [];

    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    public string DocumentType => text.DocumentType;

    public Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        bool first;
        lock (_done)
        {
            first = _done.Add(path);
        }

        if (first)
        {
            interfere(path);
        }

        return text.ParseAsync(path, cancellationToken);
    }

    /// <summary>Cuts the file to <paramref name="keepBytes"/> bytes and moves its time, as a writer truncating it would.</summary>
    public static void Truncate(string path, int keepBytes)
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.SetLength(Math.Min(keepBytes, stream.Length));
        }

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
    }
}
