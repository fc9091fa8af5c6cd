namespace DocRag.Server.Tests.WebPage;

/// <summary>The repository's sample documents, and where the web page tests save their screenshots.</summary>
internal static class TestPaths
{
    public const string ScreenshotsVariable = "DOCRAG_SCREENSHOTS";

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>A file under <c>samples/docs</c>.</summary>
    public static string SampleDoc(params string[] relative) => Path.Combine([RepoRoot, "samples", "docs", .. relative]);

    /// <summary><c>$DOCRAG_SCREENSHOTS</c>, else <c>artifacts/screenshots</c> in the repository (git-ignored).</summary>
    public static string Screenshots
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } configured
                ? configured
                : Path.Combine(RepoRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    private static string FindRoot()
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
