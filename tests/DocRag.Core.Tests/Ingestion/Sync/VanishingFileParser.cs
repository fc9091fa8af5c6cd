using DocRag.Core.Ingestion.Parsers;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>A test parser for <c>.grow</c> files that deletes the file it is reading: a file removed mid-sync.</summary>
internal sealed class VanishingFileParser : IDocumentParser
{
    public IReadOnlyCollection<string> Extensions { get; } = [".grow"];

    public string DocumentType => "grow";

    public Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        File.Delete(path);
        throw new FileNotFoundException("gone while reading", path);
    }
}
