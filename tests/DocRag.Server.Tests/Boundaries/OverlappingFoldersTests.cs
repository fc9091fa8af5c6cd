using DocRag.Core.Hosting;
using DocRag.TestSupport;

namespace DocRag.Server.Tests.Boundaries;

/// <summary>
/// Issue 16, case 2: <c>serve --docs nest/company --docs nest/company/hr</c> is refused at start with one line naming
/// both folders (before: accepted, and hr's files changed collection at every sync).
/// </summary>
public sealed class OverlappingFoldersTests
{
    [Fact]
    public async Task RunAsync_NestedCollectionFolders_RefusedInOneLineNamingBoth()
    {
        using var data = new TempDirectory();
        using var root = new TempDirectory("docrag-nest");
        root.WriteText("company/hr/salary.md", "# Salaries\n\nConfidential.");
        var app = DocRagWebApplication.Create(["--urls", "http://127.0.0.1:0"],
        [
            new(DocRagEnvironment.DataKey, data.Path),
            new("DocRag:Ingestion:Folders:0:Path", root.Combine("company")),
            new("DocRag:Ingestion:Folders:1:Path", root.Combine("company", "hr")),
        ]);
        using var error = new StringWriter();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90)); // a server that starts anyway is stopped (exit 0) and the test fails

        Assert.Equal(1, await DocRagWebApplication.RunAsync(app, error, bound.Token));

        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"'{root.Combine("company", "hr")}' (collection hr) is inside '{root.Combine("company")}' (collection company)", line, StringComparison.Ordinal);
    }
}
