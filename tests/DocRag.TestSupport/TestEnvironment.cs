namespace DocRag.TestSupport;

/// <summary>
/// The shared test material, passed by environment variable (never a hard-coded path): <c>DOCRAG_TEST_MODELS</c>
/// (../shared/models in CI) and <c>DOCRAG_TEST_DATA</c> (../shared/data in CI).
/// </summary>
public static class TestEnvironment
{
    public const string ModelsVariable = "DOCRAG_TEST_MODELS";
    public const string DataVariable = "DOCRAG_TEST_DATA";

    /// <summary>The shared models folder. Throws with a clear message when the variable is set but the folder is missing.</summary>
    public static string ModelsDirectory => RequireDirectory(ModelsVariable);

    /// <summary>The shared data folder. Throws with a clear message when the variable is set but the folder is missing.</summary>
    public static string DataDirectory => RequireDirectory(DataVariable);

    /// <summary>A file under the shared models folder, which must exist.</summary>
    public static string ModelFile(params string[] relative) => RequireFile(ModelsDirectory, relative);

    /// <summary>A file under the shared data folder, which must exist.</summary>
    public static string DataFile(params string[] relative) => RequireFile(DataDirectory, relative);

    internal static string? SkipReason(string variable) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable))
            ? $"{variable} is not set (CI sets it to the shared test material; see .ci/run)"
            : null;

    private static string RequireDirectory(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"{variable} is not set; this test should have been skipped.");
        }

        var full = Path.GetFullPath(value);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{variable} is set to '{value}' but that folder does not exist ({full}).");
        }

        return full;
    }

    private static string RequireFile(string root, string[] relative)
    {
        var path = Path.Combine([root, .. relative]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Expected shared test file is missing: {path}", path);
        }

        return path;
    }
}
