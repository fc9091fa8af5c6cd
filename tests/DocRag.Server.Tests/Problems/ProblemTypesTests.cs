using DocRag.Server.Problems;

namespace DocRag.Server.Tests.Problems;

public sealed class ProblemTypesTests
{
    [Fact]
    public void All_CodesAndUrisUnique()
    {
        Assert.Equal(ProblemTypes.All.Count, ProblemTypes.All.Select(t => t.Code).Distinct().Count());
        Assert.All(ProblemTypes.All, t => Assert.Equal(ProblemTypes.BaseUri + t.Code, t.Uri));
        Assert.All(ProblemTypes.All, t => Assert.Same(t, ProblemTypes.FromUri(t.Uri)));
    }

    [Fact]
    public void ApiDoc_ListsEveryCodeWithItsStatus()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "API.md"));

        foreach (var type in ProblemTypes.All)
        {
            var status = type.Status == 0 ? "other" : type.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"| `{type.Code}` | {status} |", doc, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(404, "not-found")]
    [InlineData(405, "method-not-allowed")]
    [InlineData(415, "unsupported-media-type")]
    [InlineData(418, "http-error")]
    public void ForStatus_BareStatusCodes(int status, string code) => Assert.Equal(code, ProblemTypes.ForStatus(status).Code);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocRag.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("DocRag.sln not found above " + AppContext.BaseDirectory);
    }
}
