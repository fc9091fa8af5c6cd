using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Text;

namespace DocRag.Core.Tests.Ingestion.Parsers;

public sealed class DocumentBuilderTests
{
    [Fact]
    public void Heading_ClosesDeeperAndEqualLevels()
    {
        var builder = new DocumentBuilder(10_000);
        builder.Heading(1, "A");
        builder.Heading(2, "B");
        builder.Heading(3, "C");
        builder.Heading(2, "D");
        builder.Add(BlockKind.Paragraph, "text");

        var document = builder.Build(null, 1);

        Assert.Equal(["A", "D"], document.Blocks[^1].HeadingPath);
        Assert.Equal("A", document.Title);
    }

    [Fact]
    public void Heading_ParagraphLongAsAHeading_IsKeptAsParagraph()
    {
        var builder = new DocumentBuilder(10_000);
        builder.Heading(1, "Real");
        builder.Heading(2, new string('w', DocumentBuilder.MaxHeadingChars + 1));

        var block = builder.Build(null, 1).Blocks[^1];

        Assert.Equal((BlockKind.Paragraph, 1), (block.Kind, block.HeadingPath.Count));
    }

    [Fact]
    public void Add_CleansControlCharactersWhitespaceAndLoneSurrogates()
    {
        var builder = new DocumentBuilder(10_000);
        builder.Add(BlockKind.Paragraph, "  a\u0000b\t\tc\u00ADd \uD800 e😀\r\n f ");

        Assert.Equal("a b cd e😀 f", builder.Build(null, 1).Blocks[0].Text);
    }

    [Fact]
    public void Build_GuessesLanguageFromTheText()
    {
        var builder = new DocumentBuilder(10_000);
        builder.Add(BlockKind.Paragraph, "La casa de la familia está en el centro de la ciudad y los niños van a la escuela por la mañana.");

        Assert.Equal(TextLanguage.Spanish, builder.Build(null, 1).Language);
    }

    [Fact]
    public void Add_PastTheCharacterLimit_Throws() =>
        Assert.Throws<DocumentTooLargeException>(() => new DocumentBuilder(10).Add(BlockKind.Paragraph, "more than ten characters"));
}
