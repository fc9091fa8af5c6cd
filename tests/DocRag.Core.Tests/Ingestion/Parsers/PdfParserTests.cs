using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Parsers;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Parsers;

public sealed class PdfParserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [SharedDataFact]
    public async Task ReadAsync_PdfNeedingPassword_IsEncrypted()
    {
        var result = await ParserFactory.Reader().ReadAsync(Pdf("encrypted", "encrypted-password-is-password.pdf"));

        Assert.Equal(ParseFailureKind.Encrypted, result.Failure?.Kind);
        Assert.Contains("password", result.Failure!.Message);
    }

    [SharedDataFact]
    public async Task ReadAsync_OwnerPasswordOnlyPdf_IsIndexedWithNoteUnlessDisabled()
    {
        var path = Pdf("encrypted", "iron-ore-q2-q3-2013.pdf");

        var indexed = await ParserFactory.Reader().ReadAsync(path);
        var refused = await ParserFactory.Reader(new IngestionOptions { IndexOwnerPasswordPdfs = false }).ReadAsync(path);

        Assert.True(indexed.Succeeded);
        Assert.Contains("encrypted with an owner password only", indexed.Document.Note);
        Assert.Equal("Commodity Insights Bulletin - December 2013", indexed.Document.Title);
        Assert.Equal(ParseFailureKind.Encrypted, refused.Failure?.Kind);
    }

    [SharedDataFact]
    public async Task ReadAsync_ScannedPdfWithoutOcr_IsNoTextLayer()
    {
        var result = await ParserFactory.Reader(new IngestionOptions { OcrEnabled = false }).ReadAsync(Pdf("scanned-image-only", "issue_1163.pdf"));

        Assert.Equal(ParseFailureKind.NoTextLayer, result.Failure?.Kind);
        Assert.Contains("OcrEnabled", result.Failure!.Message);
    }

    [SharedDataFact]
    public async Task ReadAsync_DamagedPdf_IsDamaged()
    {
        var result = await ParserFactory.Reader().ReadAsync(Pdf("damaged", "pages-kids-not-page.pdf"));

        Assert.Equal(ParseFailureKind.Damaged, result.Failure?.Kind);
    }

    [SharedDataFact]
    public async Task ReadAsync_MultiPagePdf_EveryBlockKnowsItsPage()
    {
        var result = await ParserFactory.Reader().ReadAsync(Pdf("damaged", "23056.PMC2132516.pdf"));

        var document = result.Document!;
        Assert.Equal(11, document.Pages);
        var pages = document.Blocks.Select(b => b.Page).ToArray();
        Assert.Equal(pages.Order(), pages);
        Assert.Equal(1, pages[0]);
        Assert.True(pages[^1] >= 10);
        Assert.Equal(TextLanguage(), document.Language);
    }

    [SharedDataFact]
    public async Task ReadAsync_HangingPdfToText_TimesOutAndKillsTheChild()
    {
        var pidFile = _dir.Combine("pid");
        var script = _dir.WriteText("pdftotext", $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 60\n");
        Assert.False(OperatingSystem.IsWindows(), "poppler runs here as a Linux child process");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new IngestionOptions { PdfToTextPath = script, ParseTimeoutSeconds = 1 };

        var result = await ParserFactory.Reader(options).ReadAsync(Pdf("baseline-and-layout", "Single Page Simple - from open office.pdf"));

        Assert.Equal(ParseFailureKind.Timeout, result.Failure?.Kind);
        var pid = (await File.ReadAllTextAsync(pidFile)).Trim();
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(Directory.Exists($"/proc/{pid}"), "the hanging pdftotext should have been killed");
    }

    [SharedDataFact]
    public async Task ReadAsync_PopplerMissing_IsUnreadableWithInstallHint()
    {
        var options = new IngestionOptions { PdfInfoPath = _dir.Combine("no-such-pdfinfo") };

        var result = await ParserFactory.Reader(options).ReadAsync(Pdf("baseline-and-layout", "Single Page Simple - from open office.pdf"));

        Assert.Equal(ParseFailureKind.Unreadable, result.Failure?.Kind);
        Assert.Contains("poppler-utils", result.Failure!.Message);
    }

    [TesseractFact]
    public async Task ReadAsync_ScannedPdfWithOcr_ReadsTextFromTheImage()
    {
        var result = await ParserFactory.Reader(new IngestionOptions { OcrEnabled = true, OcrLanguages = "eng", OcrDpi = 200 }).ReadAsync(Pdf("scanned-image-only", "xref-with-no-whitespace.pdf"));

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Contains(result.Document.Blocks, b => b.Page == 1 && b.Text.Contains("Rozvaha", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Dispose();

    private static string Pdf(string category, string name) => TestEnvironment.DataFile("docs", "pdf", category, name);

    private static Core.Text.TextLanguage TextLanguage() => Core.Text.TextLanguage.English;
}
