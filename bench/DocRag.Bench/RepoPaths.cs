namespace DocRag.Bench;

/// <summary>Finds the repository root (the folder holding DocRag.sln) from the running binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Artifacts => Path.Combine(Root, "artifacts", "bench");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocRag.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
