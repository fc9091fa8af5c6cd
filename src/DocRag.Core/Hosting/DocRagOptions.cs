using System.ComponentModel.DataAnnotations;

namespace DocRag.Core.Hosting;

/// <summary>Where DocRag keeps its index and finds its models (section <c>DocRag</c>).</summary>
public sealed class DocRagOptions
{
    public const string SectionName = "DocRag";

    /// <summary>The data folder: index database, caches, uploads. <c>--data</c> or <c>DOCRAG_DATA</c>; default <c>data</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The models folder. <c>--models</c> or <c>DOCRAG_MODELS</c>; default <c>DATA/models</c>.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>The data folder as a full path.</summary>
    public string DataPath => Path.GetFullPath(DataDirectory);

    /// <summary>The models folder as a full path.</summary>
    public string ModelsPath => Path.GetFullPath(string.IsNullOrWhiteSpace(ModelsDirectory)
        ? Path.Combine(DataDirectory, "models")
        : ModelsDirectory);

    /// <summary>The SQLite index file inside the data folder.</summary>
    public string DatabasePath => Path.Combine(DataPath, "docrag.db");
}
