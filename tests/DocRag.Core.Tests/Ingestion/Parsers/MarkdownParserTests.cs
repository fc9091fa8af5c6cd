using DocRag.Core.Ingestion.Parsers;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Parsers;

public sealed class MarkdownParserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ReadAsync_Markdown_KeepsHeadingPathListsTablesAndCode()
    {
        var path = _dir.WriteText("doc.md", """
            ---
            title: front matter is not text
            ---
            # Manual

            Intro with **bold** and `code` and a [link](http://x).

            ## Setup

            - first item
            - second item
              - nested item

            | Name | Value |
            |------|-------|
            | a    | 1     |

            ```
            dotnet run
            ```

            # Appendix

            > quoted words
            """);

        var result = await ParserFactory.Reader().ReadAsync(path);

        var blocks = result.Document!.Blocks;
        Assert.Equal("Manual", result.Document.Title);
        Assert.DoesNotContain(blocks, b => b.Text.Contains("front matter", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b is { Kind: BlockKind.Paragraph, Text: "Intro with bold and code and a link." });
        Assert.Equal(["first item", "second item", "nested item"], blocks.Where(b => b.Kind == BlockKind.ListItem).Select(b => b.Text));
        Assert.All(blocks.Where(b => b.Kind == BlockKind.ListItem), b => Assert.Equal(["Manual", "Setup"], b.HeadingPath));
        Assert.Equal(["Name | Value", "a | 1"], blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text));
        Assert.Equal("dotnet run", Assert.Single(blocks, b => b.Kind == BlockKind.Code).Text);
        var quote = Assert.Single(blocks, b => b.Kind == BlockKind.Quote);
        Assert.Equal(["Appendix"], quote.HeadingPath);
    }

    [Fact]
    public async Task ReadAsync_NoHeadingAndATitleLine_TakesItAsTitleAndHeadingOfTheText()
    {
        var path = _dir.WriteText("note.md", "Release checklist\n\nTag the build, then *publish* it.\n");

        var document = (await ParserFactory.Reader().ReadAsync(path)).Document!;

        Assert.Equal("Release checklist", document.Title);
        var text = Assert.Single(document.Blocks);
        Assert.Equal((BlockKind.Paragraph, "Tag the build, then publish it."), (text.Kind, text.Text));
        Assert.Equal(["Release checklist"], text.HeadingPath);
    }

    [Fact]
    public async Task ReadAsync_WithAHeadingLater_KeepsTheFirstLineAsText()
    {
        var path = _dir.WriteText("doc.md", "Release checklist\n\n## Steps\n\nTag the build.\n");

        var document = (await ParserFactory.Reader().ReadAsync(path)).Document!;

        Assert.Equal("Steps", document.Title);
        Assert.Equal((BlockKind.Paragraph, "Release checklist"), (document.Blocks[0].Kind, document.Blocks[0].Text));
    }

    [Theory]
    [InlineData("getting-started.md", "Getting started: running an open model on your own machine")]
    [InlineData("glossary.md", "Glossary")]
    public async Task ReadAsync_SampleDocuments_KeepTheirHeadingTitle(string file, string title)
    {
        var document = (await ParserFactory.Reader().ReadAsync(TextParserTests.SamplePath("en", file))).Document!;

        Assert.Equal(title, document.Title);
    }

    public void Dispose() => _dir.Dispose();
}
