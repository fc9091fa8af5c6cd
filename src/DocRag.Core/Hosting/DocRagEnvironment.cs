namespace DocRag.Core.Hosting;

/// <summary>
/// The environment variables DocRag reads and the configuration keys they map to. Command-line options override them.
/// </summary>
public static class DocRagEnvironment
{
    public const string DataVariable = "DOCRAG_DATA";
    public const string ModelsVariable = "DOCRAG_MODELS";

    public const string DataKey = DocRagOptions.SectionName + ":" + nameof(DocRagOptions.DataDirectory);
    public const string ModelsKey = DocRagOptions.SectionName + ":" + nameof(DocRagOptions.ModelsDirectory);

    /// <summary>
    /// Configuration entries for the data and models folders: an explicit value wins, then the environment variable;
    /// absent ones are left out so appsettings and defaults still apply.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> ResolvePaths(string? dataOption, string? modelsOption)
    {
        var data = FirstNonEmpty(dataOption, Environment.GetEnvironmentVariable(DataVariable));
        if (data is not null)
        {
            yield return new(DataKey, data);
        }

        var models = FirstNonEmpty(modelsOption, Environment.GetEnvironmentVariable(ModelsVariable));
        if (models is not null)
        {
            yield return new(ModelsKey, models);
        }
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
