using DocRag.Core.Ingestion.Parsers;
using DocRag.Core.Ingestion.Parsers.Pdf;

namespace DocRag.Core.Tests.Ingestion.Parsers.Pdf;

public sealed class PdfPageTextTests
{
    [Theory]
    [InlineData("3 Results", 1)]
    [InlineData("2.1 Methods and materials", 2)]
    [InlineData("3. Estimating the memory a model needs", 1)]
    [InlineData("3.2 GB", null)]
    [InlineData("16 GiB", null)]
    [InlineData("1. The weights: the size of the GGUF file.", null)]
    public void HeadingLevel_NumberedLines(string line, int? level) => Assert.Equal(level, PdfPageText.HeadingLevel(line));

    [Fact]
    public void AddPage_HeadingDirectlyAboveItsParagraph_IsAHeading()
    {
        var builder = new DocumentBuilder(10_000);

        PdfPageText.AddPage(builder, "3. Estimating the memory a model needs\nThe memory a running model needs has three parts:\n1. The weights.\n");

        var blocks = builder.Build(null, 1).Blocks;
        Assert.Equal([BlockKind.Heading, BlockKind.Paragraph], blocks.Select(b => b.Kind));
        var block = blocks[^1];
        Assert.Equal(["3. Estimating the memory a model needs"], block.HeadingPath);
        Assert.Equal("The memory a running model needs has three parts: 1. The weights.", block.Text);
    }

    [Fact]
    public void AddPage_QuantityInATable_DoesNotBecomeTheNextSectionsHeading()
    {
        var builder = new DocumentBuilder(10_000);

        PdfPageText.AddPage(builder, "2. The levels\n\nQ2_K\n\n3.2 GB\n\nThe smallest level.\n");

        var blocks = builder.Build(null, 1).Blocks;
        Assert.Equal(3, blocks.Count(b => b.Kind == BlockKind.Paragraph));
        Assert.All(blocks.Where(b => b.Kind == BlockKind.Paragraph), b => Assert.Equal(["2. The levels"], b.HeadingPath));
    }

    [Fact]
    public void AddPage_NumberedItemWrappedOntoALowerCaseLine_StaysAParagraph()
    {
        var builder = new DocumentBuilder(10_000);

        PdfPageText.AddPage(builder, "1 Install the model\nfrom the catalog with docrag models pull\n");

        var block = Assert.Single(builder.Build(null, 1).Blocks);
        Assert.Empty(block.HeadingPath);
        Assert.Equal(BlockKind.Paragraph, block.Kind);
    }
}
