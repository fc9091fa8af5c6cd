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

    public void Dispose() => _dir.Dispose();
}
