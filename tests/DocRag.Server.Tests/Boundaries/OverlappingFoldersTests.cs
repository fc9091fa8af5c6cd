using DocRag.TestSupport;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Tests.Boundaries;

/// <summary>Issue 16, case 2: <c>--docs nest/company --docs nest/company/hr</c> is refused at start, in one line.</summary>
public sealed class OverlappingFoldersTests
{
    [Fact]
    public async Task Start_NestedCollectionFolders_RefusedNamingBoth()
    {
        using var root = new TempDirectory("docrag-nest");
        root.WriteText("company/hr/salary.md", "# Salaries\n\nConfidential.");
        var settings = new Dictionary<string, string?>
        {
            ["DocRag:Ingestion:Folders:0:Path"] = root.Combine("company"),
            ["DocRag:Ingestion:Folders:1:Path"] = root.Combine("company", "hr"),
        };

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () => await (await ServerHost.StartAsync(settings)).DisposeAsync());

        var line = Assert.Single(refused.Failures);
        Assert.Contains($"'{root.Combine("company", "hr")}' (collection hr) is inside '{root.Combine("company")}' (collection company)", line, StringComparison.Ordinal);
    }
}
