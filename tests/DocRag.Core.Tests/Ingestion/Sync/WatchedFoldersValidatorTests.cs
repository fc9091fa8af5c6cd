using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Sync;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>Overlapping collection folders are refused at start, one line naming both (issue 16, case 2).</summary>
public sealed class WatchedFoldersValidatorTests : IDisposable
{
    private readonly TempDirectory _root = new("docrag-overlap");

    [Fact]
    public void Validate_NestedFolders_OneLineNamingBoth()
    {
        var company = Directory.CreateDirectory(_root.Combine("nest", "company")).FullName;
        var hr = Directory.CreateDirectory(_root.Combine("nest", "company", "hr")).FullName;

        var result = Validate((company, null), (hr, null));

        var error = Assert.Single(result.Failures!);
        Assert.Contains($"'{hr}' (collection hr) is inside '{company}' (collection company)", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Validate_SameFolderThroughALink_Refused()
    {
        var real = Directory.CreateDirectory(_root.Combine("real")).FullName;
        var alias = _root.Combine("alias");
        Directory.CreateSymbolicLink(alias, real);

        var result = Validate((real, "one"), (alias, "two"));

        Assert.Contains("are the same folder", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SideBySideFoldersWithSharedPrefix_Accepted()
    {
        var a = Directory.CreateDirectory(_root.Combine("docs")).FullName;
        var b = Directory.CreateDirectory(_root.Combine("docs-old")).FullName;

        Assert.True(Validate((a, null), (b, null)).Succeeded);
    }

    [Fact]
    public void Validate_TwoFoldersOneCollectionName_Refused()
    {
        var a = Directory.CreateDirectory(_root.Combine("a")).FullName;
        var b = Directory.CreateDirectory(_root.Combine("b")).FullName;

        Assert.Contains("are both collection shared", Assert.Single(Validate((a, "shared"), (b, "shared")).Failures!), StringComparison.Ordinal);
    }

    public void Dispose() => _root.Dispose();

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params (string Path, string? Collection)[] folders)
    {
        var options = new IngestionOptions();
        foreach (var (path, collection) in folders)
        {
            options.Folders.Add(new WatchedFolder { Path = path, Collection = collection });
        }

        return new WatchedFoldersValidator().Validate(null, options);
    }
}
