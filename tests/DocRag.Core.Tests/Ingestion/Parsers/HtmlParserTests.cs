using DocRag.Core.Ingestion.Parsers;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Parsers;

public sealed class HtmlParserTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ReadAsync_Html_ReturnsVisibleTextUnderHeadings()
    {
        var path = _dir.WriteText("page.html", """
            <!doctype html><html><head><title>Release notes</title><style>p { color: red }</style></head>
            <body><script>var secret = 1;</script>
            <nav hidden>menu</nav>
            <h1>Version 2</h1><p>Faster <b>search</b>.</p>
            <h2>Fixes</h2><ul><li>Crash on start</li><li>Slow sync</li></ul>
            <table><tr><th>Key</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>
            <div style="display: none">invisible</div>
            <pre>code   block</pre>
            </body></html>
            """);

        var result = await ParserFactory.Reader().ReadAsync(path);

        var doc = result.Document!;
        Assert.Equal("Release notes", doc.Title);
        var all = string.Join('\n', doc.Blocks.Select(b => b.Text));
        Assert.DoesNotContain("secret", all, StringComparison.Ordinal);
        Assert.DoesNotContain("color", all, StringComparison.Ordinal);
        Assert.DoesNotContain("menu", all, StringComparison.Ordinal);
        Assert.DoesNotContain("invisible", all, StringComparison.Ordinal);
        Assert.Contains(doc.Blocks, b => b is { Text: "Faster search.", Kind: BlockKind.Paragraph } && b.HeadingPath.SequenceEqual(["Version 2"]));
        Assert.Equal(["Crash on start", "Slow sync"], doc.Blocks.Where(b => b.Kind == BlockKind.ListItem).Select(b => b.Text));
        Assert.All(doc.Blocks.Where(b => b.Kind == BlockKind.ListItem), b => Assert.Equal(["Version 2", "Fixes"], b.HeadingPath));
        Assert.Equal(["Key | Value", "a | 1"], doc.Blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text));
        Assert.Equal("code block", Assert.Single(doc.Blocks, b => b.Kind == BlockKind.Code).Text);
    }

    public void Dispose() => _dir.Dispose();
}
