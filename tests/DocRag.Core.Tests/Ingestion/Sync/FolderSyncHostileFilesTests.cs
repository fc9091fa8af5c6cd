using System.Runtime.Versioning;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Storage;
using DocRag.Core.Tests.Ingestion.Parsers;
using DocRag.Core.Text;
using DocRag.TestSupport;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// Hostile files through the whole sync with the real parsers and a real index: each ends failed with its reason
/// (or indexed), the good files beside it are indexed, and the index stays sound.
/// </summary>
[UnsupportedOSPlatform("windows")] // file modes, symbolic links and a shell script stand in for poppler
public sealed class FolderSyncHostileFilesTests : IDisposable
{
    private readonly TempDirectory _folder = new("docrag-hostile-files");

    [Fact]
    public async Task SyncAsync_DocxZipBombs_TooLargeWithReasonAndOthersIndexed()
    {
        _folder.WriteText("good.md", "# Good\n\nWalruses gather on the ice.");
        ZipBombs.WriteManyEntries(_folder.Combine("entries.docx"), 500);
        ZipBombs.WriteDeclared(_folder.Combine("declared.docx"), 16 * 1024 * 1024);
        GeneratedDocx.Write(_folder.Combine("fine.docx"));
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2, MaxZipEntries = 100, MaxDecompressedBytes = 4 * 1024 * 1024 });

        var report = await index.SyncAsync(_folder.Path);

        Assert.Equal((4, 2), (report.Added, report.Failed));
        var entries = await Document(index, "entries.docx");
        Assert.Equal((DocumentStatus.Failed, "too large"), (entries.Status, entries.Error));
        Assert.Contains("MaxZipEntries", entries.Reason, StringComparison.Ordinal);
        var declared = await Document(index, "declared.docx");
        Assert.Equal((DocumentStatus.Failed, "too large"), (declared.Status, declared.Error));
        Assert.Contains("MaxDecompressedBytes", declared.Reason, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "fine.docx")).Status);
        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "good.md")).Status);
        Assert.Equal("ok", await index.Store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task SyncAsync_DocxLyingAboutItsSizes_RefusedAndNotDecompressedPastItsClaim()
    {
        _folder.WriteText("good.txt", "Walruses gather on the ice.");
        var path = _folder.Combine("lying.docx");
        ZipBombs.WriteLying(path, 16 * 1024 * 1024);
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2, MaxDecompressedBytes = 4 * 1024 * 1024 });

        var report = await index.SyncAsync(_folder.Path);

        // The zip directory claims 1,000 bytes, so the declared-size check lets it through; the zip reader stops at the
        // claimed size (broken XML: damaged) and the decompression budget would stop it past MaxDecompressedBytes.
        Assert.Equal((2, 1), (report.Added, report.Failed));
        var lying = await Document(index, "lying.docx");
        Assert.Equal(DocumentStatus.Failed, lying.Status);
        Assert.Contains(lying.Error, new[] { "too large", "damaged" });
        Assert.False(string.IsNullOrWhiteSpace(lying.Reason));
        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "good.txt")).Status);
    }

    [Fact]
    public async Task SyncAsync_OneGigabyteTextFile_RefusedBySizeLimitWithReasonAndOthersIndexed()
    {
        _folder.WriteText("good.txt", "Walruses gather on the ice.");
        WriteSparse(_folder.Combine("huge.txt"), 1L << 30);
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2 });

        var report = await index.SyncAsync(_folder.Path);

        Assert.Equal((2, 1), (report.Added, report.Failed));
        var huge = await Document(index, "huge.txt");
        Assert.Equal((DocumentStatus.Failed, "too large"), (huge.Status, huge.Error));
        Assert.Contains("1,073,741,824 bytes", huge.Reason, StringComparison.Ordinal);
        Assert.Contains("DocRag:Ingestion:MaxFileBytes", huge.Reason, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "good.txt")).Status);
    }

    [Fact]
    public async Task SyncAsync_PdfToTextHangs_TimesOutWithReasonAndTheBatchContinues()
    {
        _folder.WriteText("good.txt", "Walruses gather on the ice.");
        GeneratedPdf.Write(_folder.Combine("first.pdf"), "Penguins breed in winter.");
        GeneratedPdf.Write(_folder.Combine("second.pdf"), "Seals sleep on the beach.");
        using var tools = new TempDirectory("docrag-fake-poppler");
        var hanging = tools.WriteText("pdftotext", "#!/bin/sh\nexec sleep 600\n");
        File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2, ParseTimeoutSeconds = 1, PdfToTextPath = hanging });

        var report = await index.SyncAsync(_folder.Path).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((3, 2), (report.Added, report.Failed));
        foreach (var name in new[] { "first.pdf", "second.pdf" })
        {
            var pdf = await Document(index, name);
            Assert.Equal((DocumentStatus.Failed, "timeout"), (pdf.Status, pdf.Error));
            Assert.Contains("ParseTimeoutSeconds", pdf.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "good.txt")).Status);

        // The real pdftotext reads such a file (a failed file is retried once its content changes): the hang was all.
        index.Options.PdfToTextPath = "pdftotext";
        GeneratedPdf.Write(_folder.Combine("first.pdf"), "Penguins breed in the Antarctic winter.");
        await index.SyncAsync(_folder.Path);
        var first = await Document(index, "first.pdf");
        Assert.True(first.Status == DocumentStatus.Indexed, $"{first.Error}: {first.Reason}");
    }

    [Fact]
    public async Task SyncAsync_TextInOddEncodings_EveryFileIndexedAndFoundByItsWords()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["utf16le-bom.txt"] = [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("Añadir azúcar al café.")],
            ["utf16be-bom.txt"] = [0xFE, 0xFF, .. System.Text.Encoding.BigEndianUnicode.GetBytes("Zebras crossing the savanna.")],
            ["utf16le-nobom.txt"] = System.Text.Encoding.Unicode.GetBytes("Narwhals live in arctic waters."),
            ["cp1252.txt"] = [0x93, .. "Croissant"u8, 0x94, .. " costs 3 "u8, 0x80, .. " at the p"u8, 0xE2, .. "tisserie."u8],
            ["invalid-utf8.md"] = [.. "# Ledger\n\nQuarterly "u8, 0xFF, 0xC0, .. " ledger balances."u8],
            ["nul-bytes.txt"] = [.. "Glaciers\0 carve\0 valleys"u8, 0, 0, .. " slowly."u8],
            ["cut-utf8.txt"] = System.Text.Encoding.UTF8.GetBytes("Flamingos eat shrimp ñ")[..^1],
        };
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(_folder.Combine(name), bytes);
        }

        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2 });

        var report = await index.SyncAsync(_folder.Path);

        Assert.Equal((files.Count, 0), (report.Added, report.Failed));
        foreach (var (word, name) in new[] { ("azúcar", "utf16le-bom.txt"), ("zebras", "utf16be-bom.txt"), ("narwhals", "utf16le-nobom.txt"), ("pâtisserie", "cp1252.txt"), ("ledger", "invalid-utf8.md"), ("glaciers", "nul-bytes.txt"), ("flamingos", "cut-utf8.txt") })
        {
            var hits = await index.Store.FullTextSearchAsync(new FullTextQuery(SearchText.ForQuery(word)!.MatchAny));
            var hit = Assert.Single(hits);
            Assert.Equal(_folder.Combine(name), Assert.Single(await index.Store.GetChunksAsync([hit.ChunkId])).Path);
        }

        Assert.Equal("ok", await index.Store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task SyncAsync_FileTruncatedWhileRead_IndexesWhatTheFileHoldsAfterwards()
    {
        var path = _folder.WriteText("log.txt", "Stable beginning of the log. " + string.Concat(Enumerable.Repeat("Later lines that get cut away. ", 200)));
        _folder.WriteText("other.md", "# Other\n\nUntouched.");
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2 });
        var text = new TextParser(Options.Create(index.Options));
        using var sync = index.CreateSync(null, new InterferingTextParser(text, p => InterferingTextParser.Truncate(p, keepBytes: 29)));

        var report = await sync.SyncAsync(_folder.Path);

        Assert.Equal((2, 0), (report.Added, report.Failed));
        var log = await Document(index, "log.txt");
        Assert.Equal(new FileInfo(path).Length, log.Fingerprint.Size);
        Assert.Equal("Stable beginning of the log.", Assert.Single(await index.Store.GetDocumentChunksAsync(log.Id)).Text);
    }

    [Fact]
    public async Task SyncAsync_FileDeletedJustBeforeItIsRead_LeavesNoRowAndOthersIndexed()
    {
        _folder.WriteText("gone.txt", "This file is deleted as the sync opens it.");
        _folder.WriteText("other.md", "# Other\n\nUntouched.");
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2 });
        var text = new TextParser(Options.Create(index.Options));
        using var sync = index.CreateSync(null, new InterferingTextParser(text, File.Delete));

        var report = await sync.SyncAsync(_folder.Path);

        Assert.Equal((1, 0), (report.Added, report.Failed));
        Assert.Null(await index.Store.GetDocumentByPathAsync(_folder.Combine("gone.txt")));
        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "other.md")).Status);
        Assert.Equal("ok", await index.Store.CheckIntegrityAsync());
    }

    [NotRootFact]
    public async Task SyncAsync_UnreadableFile_FailedUnreadableThenIndexedOnceReadable()
    {
        var locked = _folder.WriteText("locked.txt", "Secret walrus plans.");
        _folder.WriteText("open.txt", "Public penguin plans.");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2 });

        var first = await index.SyncAsync(_folder.Path);
        var document = await Document(index, "locked.txt");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var second = await index.SyncAsync(_folder.Path);

        Assert.Equal((2, 1), (first.Added, first.Failed));
        Assert.Equal((DocumentStatus.Failed, "unreadable"), (document.Status, document.Error));
        Assert.Contains("permission denied", document.Reason, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "open.txt")).Status);
        Assert.Equal((1, 0), (second.Updated, second.Failed));
        Assert.Equal(DocumentStatus.Indexed, (await Document(index, "locked.txt")).Status);
    }

    [Fact]
    public async Task SyncAsync_SymlinkLoopsAndTwoHundredLevels_EachFileOnceUpToTheDepthLimit()
    {
        _folder.WriteText("root.txt", "At the top.");
        var level = _folder.Path;
        for (var i = 1; i <= 200; i++)
        {
            level = Directory.CreateDirectory(Path.Combine(level, "d")).FullName;
            File.WriteAllText(Path.Combine(level, $"f{i}.txt"), $"Level {i} of the deep tree.");
            if (i is 3 or 150)
            {
                Directory.CreateSymbolicLink(Path.Combine(level, "loop"), _folder.Path); // back to the top
            }
        }

        Directory.CreateSymbolicLink(_folder.Combine("alias"), _folder.Combine("d"));
        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2, MaxFolderDepth = 64 });

        var limited = await index.SyncAsync(_folder.Path).WaitAsync(TimeSpan.FromMinutes(5));
        index.Options.MaxFolderDepth = 256;
        var deep = await index.SyncAsync(_folder.Path).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal((65, 0), (limited.Added, limited.Failed));
        Assert.Equal((136, 0), (deep.Added, deep.Failed));
        var paths = (await index.Store.ListDocumentsAsync(new DocumentQuery(Limit: 1000))).Items.Select(d => d.Path).ToList();
        Assert.Equal(201, paths.Count);
        Assert.DoesNotContain(paths, p => p.Contains("/loop/", StringComparison.Ordinal) || p.Contains("/alias/", StringComparison.Ordinal));
        Assert.Equal("ok", await index.Store.CheckIntegrityAsync());
    }

    public void Dispose() => _folder.Dispose();

    private async Task<StoredDocument> Document(SyncHarness index, string name) =>
        await index.Store.GetDocumentByPathAsync(_folder.Combine(name)) ?? throw new InvalidOperationException(name + " is not in the index");

    private static void WriteSparse(string path, long length)
    {
        using var stream = File.Create(path);
        stream.SetLength(length); // sparse: no disk space used
    }
}
