using System.Text;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Parsers;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Parsers;

public sealed class TextParserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ReadAsync_Utf8Text_SplitsParagraphsOnBlankLines()
    {
        var path = _dir.WriteText("a.txt", "First line\nstill first.\n\n\nSecond paragraph.\n   \nThird.");

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.True(result.Succeeded);
        Assert.Equal(["First line still first.", "Second paragraph.", "Third."], result.Document.Blocks.Select(b => b.Text));
        Assert.All(result.Document.Blocks, b => Assert.Equal(1, b.Page));
    }

    [Fact]
    public async Task ReadAsync_Csv_EveryLineIsATableRow()
    {
        var path = _dir.WriteText("data.csv", "name,age\nAna,31\n\nLuis,45\n");

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal(["name,age", "Ana,31", "Luis,45"], result.Document!.Blocks.Select(b => b.Text));
        Assert.All(result.Document.Blocks, b => Assert.Equal(BlockKind.TableRow, b.Kind));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-8")]
    public async Task ReadAsync_TextWithBom_DecodesByBom(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var path = _dir.Combine("bom.txt");
        await File.WriteAllBytesAsync(path, [.. encoding.GetPreamble(), .. encoding.GetBytes("Añadir café y más azúcar, señor.")]);

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("Añadir café y más azúcar, señor.", Assert.Single(result.Document!.Blocks).Text);
    }

    [Fact]
    public async Task ReadAsync_Utf16WithoutBom_IsRecognised()
    {
        var path = _dir.Combine("nobom.txt");
        await File.WriteAllBytesAsync(path, Encoding.Unicode.GetBytes("Plain ASCII text stored as UTF-16 little endian."));

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("Plain ASCII text stored as UTF-16 little endian.", Assert.Single(result.Document!.Blocks).Text);
    }

    [Fact]
    public async Task ReadAsync_Latin1Bytes_FallBackToSingleByteDecoding()
    {
        var path = _dir.Combine("latin1.txt");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("El niño comió piña en el jardín."));

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("El niño comió piña en el jardín.", Assert.Single(result.Document!.Blocks).Text);
    }

    [Fact]
    public async Task ReadAsync_Utf16BigEndianWithoutBom_IsRecognised()
    {
        var path = _dir.Combine("nobom-be.txt");
        await File.WriteAllBytesAsync(path, Encoding.BigEndianUnicode.GetBytes("Plain ASCII text stored as UTF-16 big endian."));

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("Plain ASCII text stored as UTF-16 big endian.", Assert.Single(result.Document!.Blocks).Text);
    }

    [Fact]
    public async Task ReadAsync_Windows1252WithoutBom_DecodesQuotesDashesAndEuro()
    {
        var path = _dir.Combine("cp1252.txt");
        // 0x80-0x9F are printable in Windows-1252 (euro, curly quotes, dashes) but control codes in Latin-1.
        await File.WriteAllBytesAsync(path, [0x93, .. "Na"u8, 0xEF, .. "ve"u8, 0x94, .. " costs 5 "u8, 0x80, .. " "u8, 0x96, .. " fa"u8, 0xE7, .. "ade."u8]);

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("\u201CNa\u00EFve\u201D costs 5 \u20AC \u2013 fa\u00E7ade.", Assert.Single(result.Document!.Blocks).Text);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8Bytes_FallBackToWindows1252AndKeepTheText()
    {
        var path = _dir.Combine("invalid-utf8.txt");
        await File.WriteAllBytesAsync(path, [.. "Invoice total "u8, 0xFF, 0xFE, 0xC0, .. " due in March."u8]);

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("Invoice total \u00FF\u00FE\u00C0 due in March.", Assert.Single(result.Document!.Blocks).Text);
    }

    [Fact]
    public async Task ReadAsync_NulBytesInUtf8Text_AreDroppedNotMistakenForUtf16()
    {
        var path = _dir.Combine("nul.txt");
        await File.WriteAllBytesAsync(path, [.. "Penguins\0 are"u8, 0, .. " birds that swim in cold seas and dive for fish."u8, 0, 0]);

        var result = await ParserFactory.Reader().ReadAsync(path);

        var text = Assert.Single(result.Document!.Blocks).Text;
        Assert.DoesNotContain('\0', text);
        Assert.StartsWith("Penguins", text, StringComparison.Ordinal);
        Assert.EndsWith("dive for fish.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf8CutInsideTheLastCharacter_StaysUtf8()
    {
        var path = _dir.Combine("cut.txt");
        byte[] whole = Encoding.UTF8.GetBytes("El niño comió piña en el jardín ñ");
        await File.WriteAllBytesAsync(path, whole[..^1]); // a file cut in the middle of its last 2-byte character

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("El niño comió piña en el jardín \uFFFD", Assert.Single(result.Document!.Blocks).Text);
    }

    [Fact]
    public async Task ReadAsync_RandomBytes_NeverThrows()
    {
        var random = new Random(42);
        var reader = ParserFactory.Reader();
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(0, 5000)];
            random.NextBytes(bytes);
            var path = _dir.Combine($"odd{i}.txt");
            await File.WriteAllBytesAsync(path, bytes);

            var result = await reader.ReadAsync(path);

            Assert.True(result.Succeeded || result.Failure.Kind == ParseFailureKind.Empty);
            Assert.All(result.Document?.Blocks ?? [], b => Assert.DoesNotContain('\0', b.Text));
        }
    }

    [Fact]
    public async Task ReadAsync_TextLongerThanLimit_IsTooLargeWithoutReadingItAll()
    {
        var path = _dir.WriteText("big.txt", new string('x', 100_000));

        var result = await ParserFactory.Reader(new IngestionOptions { MaxTextChars = 10_000 }).ReadAsync(path);

        Assert.Equal(ParseFailureKind.TooLarge, result.Failure?.Kind);
        Assert.Contains("MaxTextChars", result.Failure!.Message);
    }

    [Fact]
    public async Task ReadAsync_FileLargerThanSizeLimit_IsTooLarge()
    {
        var path = _dir.WriteText("big.md", new string('y', 5_000));

        var result = await ParserFactory.Reader(new IngestionOptions { MaxFileBytes = 1_000 }).ReadAsync(path);

        Assert.Equal("too large", result.Failure?.Code);
    }

    [Fact]
    public async Task ReadAsync_OneGigabyteTextFile_IsRefusedOrStoppedAtTheLimit()
    {
        var path = _dir.Combine("huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(1L << 30); // sparse: takes no disk space
        }

        var refused = await ParserFactory.Reader().ReadAsync(path);
        var streamed = await ParserFactory.Reader(new IngestionOptions { MaxFileBytes = 2L << 30, MaxTextChars = 1_000_000 }).ReadAsync(path);

        Assert.Equal(ParseFailureKind.TooLarge, refused.Failure?.Kind);
        Assert.Contains("MaxFileBytes", refused.Failure!.Message);
        Assert.Equal(ParseFailureKind.TooLarge, streamed.Failure?.Kind);
        Assert.Contains("MaxTextChars", streamed.Failure!.Message);
    }

    [Fact]
    public async Task ReadAsync_UnknownExtension_IsUnsupportedType()
    {
        var path = _dir.WriteText("photo.jpeg", "data");

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal(ParseFailureKind.UnsupportedType, result.Failure?.Kind);
        Assert.Contains(".jpeg", result.Failure!.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_IsUnreadable()
    {
        var result = await ParserFactory.Reader().ReadAsync(_dir.Combine("gone.txt"));

        Assert.Equal(ParseFailureKind.Unreadable, result.Failure?.Kind);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_IsEmpty()
    {
        var path = _dir.WriteText("empty.txt", "  \n\n ");

        var result = await ParserFactory.Reader().ReadAsync(path);

        Assert.Equal("empty", result.Failure?.Code);
    }

    [Theory]
    [InlineData("Meeting notes 12 March\n\nWe agreed to ship on Friday.", "Meeting notes 12 March")]
    [InlineData("Vitamin D levels in elderly patients.\n\nWe measured serum levels in 300 patients over two winters. Levels fell with age in both sexes. Daily supplements raised them within three months.", "Vitamin D levels in elderly patients.")]
    [InlineData("TROUBLESHOOTING GUIDE\n=====================\n\nEach entry gives the symptom.", "TROUBLESHOOTING GUIDE")]
    [InlineData("¿Qué es un embedding?\n\nUn vector que resume el texto.", "¿Qué es un embedding?")]
    public async Task ReadAsync_TitleLine_IsTheTitleAndFirstHeading(string content, string title)
    {
        var path = _dir.WriteText("note.txt", content);

        var document = (await ParserFactory.Reader().ReadAsync(path)).Document!;

        Assert.Equal(title, document.Title);
        var block = Assert.Single(document.Blocks); // the title heads the text; every chunk carries it as its title
        Assert.Equal(BlockKind.Paragraph, block.Kind);
        Assert.Equal([title], block.HeadingPath);
        Assert.DoesNotContain(title, block.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Call the vendor. Then send the invoice.\n\nDetails follow.")] // two sentences: text
    [InlineData("Penguins are flightless birds.\n\nEmperor penguins breed during the Antarctic winter.")] // a first sentence over a short one: text
    [InlineData("Things to buy:\n\nmilk, eggs")] // runs on into the next paragraph
    [InlineData("A first line\nthat goes on\n\nSecond paragraph.")] // two lines
    [InlineData("Only one line")] // nothing follows
    [InlineData("- a list item\n\nmore")] // not a word
    public async Task ReadAsync_FirstLineThatReadsAsText_IsNoTitle(string text)
    {
        var path = _dir.WriteText("note.txt", text);

        var document = (await ParserFactory.Reader().ReadAsync(path)).Document!;

        Assert.Null(document.Title);
        Assert.All(document.Blocks, b => Assert.Equal(BlockKind.Paragraph, b.Kind));
    }

    [Fact]
    public async Task ReadAsync_LongFirstLine_IsNoTitle()
    {
        var path = _dir.WriteText("note.txt", string.Join(' ', Enumerable.Repeat("word", FirstLineTitle.MaxWords + 1)) + "\n\nMore.");

        Assert.Null((await ParserFactory.Reader().ReadAsync(path)).Document!.Title);
    }

    [Theory]
    [InlineData("en", "troubleshooting.txt", "TROUBLESHOOTING: THE PROBLEMS NEWCOMERS HIT MOST OFTEN")]
    [InlineData("es", "preguntas-frecuentes.txt", "PREGUNTAS FRECUENTES DEL EQUIPO")]
    public async Task ReadAsync_SampleDocuments_TakeTheirTitleLine(string folder, string file, string title)
    {
        var document = (await ParserFactory.Reader().ReadAsync(SamplePath(folder, file))).Document!;

        Assert.Equal(title, document.Title);
        Assert.DoesNotContain(document.Blocks, b => b.Text.StartsWith("===", StringComparison.Ordinal));
    }

    /// <summary>A file of the repository's samples/docs (found above the test binaries).</summary>
    internal static string SamplePath(params string[] relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, "samples", "docs", .. relative]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/docs/{string.Join('/', relative)} not found above {AppContext.BaseDirectory}");
    }

    public void Dispose() => _dir.Dispose();
}
