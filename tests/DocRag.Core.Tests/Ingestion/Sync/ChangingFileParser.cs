using DocRag.Core.Ingestion.Parsers;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// A test parser for <c>.grow</c> files that appends to the file it reads, for the first <paramref name="changes"/>
/// reads: a file being written while DocRag reads it.
/// </summary>
internal sealed class ChangingFileParser(int changes) : IDocumentParser
{
    private int _reads;

    public IReadOnlyCollection<string> Extensions { get; } = [".grow"];

    public string DocumentType => "grow";

    public int Reads => _reads;

    public async Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        if (Interlocked.Increment(ref _reads) <= changes)
        {
            await File.AppendAllTextAsync(path, " more", cancellationToken);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(_reads));
        }

        var builder = new DocumentBuilder(1_000_000);
        builder.Add(BlockKind.Paragraph, text);
        return ParseResult.Success(builder.Build(null, 1));
    }
}
