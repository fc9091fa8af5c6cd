using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Parsers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Ingestion.Parsers;

/// <summary>The real parsers behind a <see cref="DocumentReader"/>, with options a test may adjust.</summary>
internal static class ParserFactory
{
    public static IDocumentParser[] Parsers(IngestionOptions options)
    {
        var wrapped = Options.Create(options);
        return [new TextParser(wrapped), new MarkdownParser(wrapped), new HtmlParser(wrapped), new DocxParser(wrapped), new PdfParser(wrapped)];
    }

    public static DocumentReader Reader(IngestionOptions? options = null)
    {
        options ??= new IngestionOptions();
        return new DocumentReader(Parsers(options), Options.Create(options), NullLogger<DocumentReader>.Instance);
    }
}
