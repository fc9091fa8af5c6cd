using System.Globalization;
using System.Text;
using DocRag.Core.Ingestion.Parsers.Pdf;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Parsers;

/// <summary>
/// PDF through poppler's <c>pdfinfo</c> and <c>pdftotext</c> in child processes (timeout through cancellation, capped
/// output), text per page so every block knows its page. Pages without a text layer are OCRed when enabled and
/// tesseract is installed, else reported. PDFs needing a password are <c>encrypted</c>; owner-password-only PDFs open
/// without one and are indexed with a note unless <see cref="IngestionOptions.IndexOwnerPasswordPdfs"/> is off.
/// </summary>
public sealed class PdfParser : IDocumentParser
{
    private readonly IngestionOptions _options;

    public PdfParser(IOptions<IngestionOptions> options) => _options = options?.Value ?? throw new ArgumentNullException(nameof(options));

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public string DocumentType => "pdf";

    public async Task<ParseResult> ParseAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!await LooksLikePdfAsync(path, cancellationToken).ConfigureAwait(false))
        {
            return ParseResult.Failed(ParseFailureKind.Damaged, "the file is not a PDF (no %PDF header)");
        }

        ProcessResult infoRun, textRun;
        try
        {
            infoRun = await ProcessRunner.RunAsync(_options.PdfInfoPath, ["-enc", "UTF-8", path], 1024 * 1024, cancellationToken).ConfigureAwait(false);
            if (infoRun.ExitCode != 0)
            {
                return Failure(infoRun.Error, "pdfinfo could not read the PDF");
            }

            var probe = PdfInfo.Parse(infoRun.Output);
            if (probe.Encrypted && !_options.IndexOwnerPasswordPdfs)
            {
                return ParseResult.Failed(ParseFailureKind.Encrypted, $"the PDF is encrypted ({probe.EncryptionDetail}); DocRag:Ingestion:IndexOwnerPasswordPdfs is off");
            }

            textRun = await ProcessRunner.RunAsync(
                _options.PdfToTextPath,
                ["-enc", "UTF-8", "-eol", "unix", path, "-"],
                (long)_options.MaxTextChars * 4,
                cancellationToken).ConfigureAwait(false);
        }
        catch (ToolMissingException ex)
        {
            return ParseResult.Failed(ParseFailureKind.Unreadable, $"{ex.Message}; PDF support needs poppler-utils (scripts/setup.sh installs it)");
        }

        if (textRun.OutputLimitExceeded)
        {
            return ParseResult.Failed(ParseFailureKind.TooLarge, $"the PDF's text is longer than the limit of {_options.MaxTextChars:N0} characters (DocRag:Ingestion:MaxTextChars)");
        }

        if (textRun.ExitCode != 0)
        {
            return Failure(textRun.Error, "pdftotext could not read the PDF");
        }

        var info = PdfInfo.Parse(infoRun.Output);
        return await BuildAsync(path, info, Encoding.UTF8.GetString(textRun.Output), textRun.Error, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ParseResult> BuildAsync(string path, PdfInfo info, string text, string errors, CancellationToken cancellationToken)
    {
        var pages = text.Split('\f');
        var pageCount = Math.Max(info.Pages, pages.Length - (pages[^1].Length == 0 ? 1 : 0));
        var builder = new DocumentBuilder(_options.MaxTextChars);
        var blank = new List<int>();
        var ocr = _options.OcrEnabled && await TesseractOcr.IsAvailableAsync(_options.TesseractPath).ConfigureAwait(false);
        for (var i = 0; i < pageCount; i++)
        {
            var pageText = i < pages.Length ? pages[i] : "";
            if (string.IsNullOrWhiteSpace(pageText) && ocr)
            {
                pageText = await TesseractOcr.ReadPageAsync(_options, path, i + 1, cancellationToken).ConfigureAwait(false);
            }

            if (string.IsNullOrWhiteSpace(pageText))
            {
                blank.Add(i + 1);
                continue;
            }

            builder.Page = i + 1;
            PdfPageText.AddPage(builder, pageText);
        }

        if (builder.BlockCount == 0)
        {
            if (info.Encrypted)
            {
                return ParseResult.Failed(ParseFailureKind.Encrypted, $"the PDF is encrypted ({info.EncryptionDetail}) and no text could be read from it without its password");
            }

            return FirstError(errors) is { } error
                ? ParseResult.Failed(ParseFailureKind.Damaged, $"the PDF is damaged and no text could be read from it ({error})")
                : ParseResult.Failed(ParseFailureKind.NoTextLayer, ocr
                    ? "the PDF has no text layer and OCR found no text"
                    : "the PDF has no text layer (scanned images); install tesseract-ocr and set DocRag:Ingestion:OcrEnabled to read it");
        }

        var notes = new List<string>();
        if (info.Encrypted)
        {
            notes.Add($"encrypted with an owner password only ({info.EncryptionDetail}); opened without a password");
        }

        if (blank.Count > 0)
        {
            notes.Add($"{(blank.Count == 1 ? "page" : "pages")} {Ranges(blank)} {(blank.Count == 1 ? "has" : "have")} no text layer");
        }

        return ParseResult.Success(builder.Build(info.Title, pageCount, notes.Count > 0 ? string.Join("; ", notes) : null));
    }

    private static ParseResult Failure(string stderr, string fallback) =>
        stderr.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase)
            ? ParseResult.Failed(ParseFailureKind.Encrypted, "the PDF is password-protected; remove the password to index it")
            : ParseResult.Failed(ParseFailureKind.Damaged, $"the PDF is damaged ({FirstError(stderr) ?? fallback})");

    private static string? FirstError(string stderr) => stderr
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .FirstOrDefault(l => l.Contains("Error", StringComparison.Ordinal));

    private static string Ranges(List<int> pages)
    {
        var parts = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var start = pages[i];
            while (i + 1 < pages.Count && pages[i + 1] == pages[i] + 1)
            {
                i++;
            }

            parts.Add(start == pages[i] ? start.ToString(CultureInfo.InvariantCulture) : $"{start}-{pages[i]}");
        }

        return string.Join(", ", parts);
    }

    private static async Task<bool> LooksLikePdfAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var head = new byte[1024];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return head.AsSpan(0, read).IndexOf("%PDF"u8) >= 0;
    }
}
