using DocRag.Core.Ingestion.Parsers;
using DocRag.TestSupport;
using Xunit.Abstractions;

namespace DocRag.Core.Tests.Ingestion.Parsers;

/// <summary>Every real-world file of the shared set parses or fails with a reason; encrypted ones say so.</summary>
public sealed class SharedDocumentsTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task ReadAsync_EverySharedDocumentEndsParsedOrFailedWithReason()
    {
        var reader = ParserFactory.Reader();
        var root = Path.Combine(TestEnvironment.DataDirectory, "docs");
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".pdf", StringComparison.Ordinal) || f.EndsWith(".docx", StringComparison.Ordinal)).Order().ToArray();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var result = await reader.ReadAsync(file);
            var relative = Path.GetRelativePath(root, file);
            if (result.Succeeded)
            {
                var doc = result.Document;
                output.WriteLine($"ok   {relative}: {doc.Pages} p, {doc.Blocks.Count} blocks, {doc.Language}, title '{doc.Title}', note '{doc.Note}', first '{Trim(doc.Blocks[0].Text)}'");
                Assert.All(doc.Blocks, b => Assert.False(string.IsNullOrWhiteSpace(b.Text)));
                Assert.All(doc.Blocks, b => Assert.InRange(b.Page, 1, doc.Pages));
            }
            else
            {
                output.WriteLine($"fail {relative}: {result.Failure.Code}: {result.Failure.Message}");
                Assert.False(string.IsNullOrWhiteSpace(result.Failure.Message));
            }

            if (relative.Contains("encrypted", StringComparison.Ordinal))
            {
                Assert.True(
                    result.Failure?.Kind == ParseFailureKind.Encrypted || result.Document?.Note?.Contains("encrypted", StringComparison.Ordinal) == true,
                    $"{relative} should say it is encrypted");
            }
        }
    }

    private static string Trim(string text) => text.Length > 60 ? text[..60] : text;
}
