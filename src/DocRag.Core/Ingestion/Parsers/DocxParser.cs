using System.IO.Packaging;
using DocRag.Core.Ingestion.Parsers.Docx;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// Word documents (Transitional and Strict OOXML). Password-protected files (an OLE container holding an
/// EncryptedPackage) are <c>encrypted</c>; zip bombs are stopped by entry-count and decompressed-size limits.
/// </summary>
public sealed class DocxParser : IDocumentParser
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private readonly IngestionOptions _options;

    public DocxParser(IOptions<IngestionOptions> options) => _options = options?.Value ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyCollection<string> Extensions { get; } = [".docx", ".docm", ".dotx"];

    public string DocumentType => "docx";

    public async Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: false);
        var head = new byte[8];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 8 && head.AsSpan().SequenceEqual(OleMagic))
        {
            return await OleContainer.HasEncryptedPackageAsync(stream, cancellationToken).ConfigureAwait(false)
                ? ParseResult.Failed(ParseFailureKind.Encrypted, "the document is password-protected; remove the password in Word to index it")
                : ParseResult.Failed(ParseFailureKind.UnsupportedType, "this is a Word 97-2003 (.doc) file named .docx; save it as .docx to index it");
        }

        if (read < 4 || head[0] != (byte)'P' || head[1] != (byte)'K')
        {
            return ParseResult.Failed(ParseFailureKind.Damaged, "the file is not a DOCX (zip) package");
        }

        stream.Position = 0;
        ZipGuard.Check(stream, _options.MaxZipEntries, _options.MaxDecompressedBytes);
        var parts = LoadParts(stream, new DecompressionBudget(_options.MaxDecompressedBytes));
        var builder = new DocumentBuilder(_options.MaxTextChars);
        var walker = new DocxWalker(builder, parts);
        walker.Walk(parts.Document, cancellationToken: cancellationToken);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        builder.ResetHeadings();
        foreach (var part in parts.HeadersAndFooters.Where(p => seen.Add(p.Value)))
        {
            walker.Walk(part, BlockKind.HeaderFooter, cancellationToken);
        }

        return ParseResult.Success(builder.Build(parts.Title, pages: 1));
    }

    private static DocxParts LoadParts(Stream stream, DecompressionBudget budget)
    {
        try
        {
            if (OpenXmlDocxLoader.TryLoad(stream, budget) is { } parts)
            {
                return parts;
            }
        }
        catch (OpenXmlPackageException)
        {
            // The SDK refuses some valid packages (Strict, unusual content types); System.IO.Packaging gets a second try.
        }

        stream.Position = 0;
        try
        {
            return PackagingDocxLoader.Load(stream, budget);
        }
        catch (Exception ex) when (ex is FileFormatException or InvalidOperationException or ArgumentException or InvalidDataException or UriFormatException)
        {
            throw new DocumentDamagedException($"the DOCX package is damaged ({ex.Message})", ex);
        }
    }
}
