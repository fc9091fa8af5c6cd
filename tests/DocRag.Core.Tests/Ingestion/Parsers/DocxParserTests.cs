using System.IO.Compression;
using System.Text;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Parsers;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Parsers;

public sealed class DocxParserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ReadAsync_Docx_TakesHeadingLevelsFromStylesInheritanceAndOutlineLevels()
    {
        var path = _dir.Combine("styled.docx");
        GeneratedDocx.Write(path);

        var result = await ParserFactory.Reader().ReadAsync(path);

        var blocks = result.Document!.Blocks;
        Assert.Equal("Generated title", result.Document.Title);
        Assert.Equal(["Overview"], Assert.Single(blocks, b => b.Text == "Overview").HeadingPath);
        Assert.Equal(BlockKind.Heading, Assert.Single(blocks, b => b.Text == "Details").Kind);
        Assert.Equal(["Overview", "Details"], Assert.Single(blocks, b => b.Text == "Details").HeadingPath);
        Assert.Equal(["Direct outline heading"], Assert.Single(blocks, b => b.Text == "Direct outline heading").HeadingPath);
        Assert.Equal(["styled bullet", "direct numbered"], blocks.Where(b => b.Kind == BlockKind.ListItem).Select(b => b.Text));
        Assert.Equal(["A | B", "C | D"], blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text));
        Assert.Contains(blocks, b => b.Text == "Tab separated");
        Assert.DoesNotContain(blocks, b => b.Text.Contains("removed", StringComparison.Ordinal));
        var note = Assert.Single(blocks, b => b.Kind == BlockKind.Note);
        Assert.Equal("Source: annual report.", note.Text);
        Assert.Equal("Body text with a note", blocks[blocks.ToList().IndexOf(note) - 1].Text);
        Assert.Equal(["Overview"], note.HeadingPath);
    }

    [Fact]
    public async Task ReadAsync_PasswordProtectedDocx_IsEncrypted()
    {
        var path = _dir.Combine("secret.docx");
        await File.WriteAllBytesAsync(path, OleFile("EncryptedPackage"));

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal(ParseFailureKind.Encrypted, result.Failure?.Kind);
    }

    [Fact]
    public async Task ReadAsync_LegacyDocRenamedDocx_IsUnsupportedType()
    {
        var path = _dir.Combine("old.docx");
        await File.WriteAllBytesAsync(path, OleFile("WordDocument"));

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal(ParseFailureKind.UnsupportedType, result.Failure?.Kind);
        Assert.Contains(".doc", result.Failure!.Message);
    }

    [Fact]
    public async Task ReadAsync_NotAZip_IsDamaged()
    {
        var path = _dir.WriteText("fake.docx", "just text");

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal(ParseFailureKind.Damaged, result.Failure?.Kind);
    }

    [Fact]
    public async Task ReadAsync_ZipWithTooManyEntries_IsTooLarge()
    {
        var path = _dir.Combine("entries.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            for (var i = 0; i < 50; i++)
            {
                zip.CreateEntry($"part{i}.xml");
            }
        }

        var result = await ParserFactory.Reader(new IngestionOptions { MaxZipEntries = 10 }).ReadAsync(path);

        Assert.Equal(ParseFailureKind.TooLarge, result.Failure?.Kind);
        Assert.Contains("zip bomb", result.Failure!.Message);
    }

    [Fact]
    public async Task ReadAsync_ZipBombBySize_IsTooLargeBeforeDecompressing()
    {
        var path = _dir.Combine("bomb.docx");
        GeneratedDocx.Write(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            using var stream = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            stream.Write(new byte[8 * 1024 * 1024]);
        }

        Assert.True(new FileInfo(path).Length < 200_000);
        var result = await ParserFactory.Reader(new IngestionOptions { MaxDecompressedBytes = 1024 * 1024 }).ReadAsync(path);

        Assert.Equal(ParseFailureKind.TooLarge, result.Failure?.Kind);
    }

    [SharedDataFact]
    public async Task ReadAsync_StrictOoxml_ReadsText()
    {
        var result = await ParserFactory.Reader().ReadAsync(TestEnvironment.DataFile("docs", "docx", "strict-ooxml", "mammoth.js__strict-format.docx"));

        Assert.Equal("Test", Assert.Single(result.Document!.Blocks).Text);
    }

    [SharedDataFact]
    public async Task ReadAsync_TextBox_IsABlockOfItsOwn()
    {
        var result = await ParserFactory.Reader().ReadAsync(TestEnvironment.DataFile("docs", "docx", "textbox", "mammoth.js__text-box.docx"));

        Assert.Contains(result.Document!.Blocks, b => b is { Kind: BlockKind.TextBox, Text: "Datum plane" });
    }

    [SharedDataFact]
    public async Task ReadAsync_FootnotesAndEndnotes_FollowTheirParagraph()
    {
        var result = await ParserFactory.Reader().ReadAsync(TestEnvironment.DataFile("docs", "docx", "footnotes", "mammoth.js__footnotes.docx"));

        Assert.Equal(2, result.Document!.Blocks.Count(b => b.Kind == BlockKind.Note));
    }

    [SharedDataFact]
    public async Task ReadAsync_InvalidDocumentProperties_StillReadsTheBody()
    {
        var result = await ParserFactory.Reader().ReadAsync(TestEnvironment.DataFile("docs", "docx", "invalid-parts", "Open-XML-SDK__InvalidDocPropsct.docx"));

        Assert.True(result.Succeeded, result.Failure?.Message);
    }

    public void Dispose() => _dir.Dispose();

    private static byte[] OleFile(string streamName)
    {
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        return [.. magic, .. new byte[70_000], .. Encoding.Unicode.GetBytes(streamName), .. new byte[512]];
    }
}
