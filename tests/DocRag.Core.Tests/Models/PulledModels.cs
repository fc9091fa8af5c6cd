using DocRag.Core.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Models;

/// <summary>
/// Real catalog models for tests, pulled the way <c>scripts/setup.sh</c> pulls them, into the same folder (the
/// repository's <c>data/models</c>, git-ignored): a model already there and intact is used as it is, never copied
/// into the repository.
/// </summary>
internal static class PulledModels
{
    /// <summary>The embedder <c>scripts/setup.sh</c> pulls.</summary>
    public const string DefaultEmbedder = ModelCatalog.DefaultEmbedderName;

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string ModelsDirectory => Path.Combine(RepositoryRoot(), "data", "models");

    public static bool IsPulled(string name) =>
        new ModelStore(ModelCatalog.Default, ModelsDirectory).GetStatus(ModelCatalog.Default.Find(name)!).State == ModelInstallState.Downloaded;

    /// <summary>The model's folder after a pull (a no-op beyond hashing when it is already whole).</summary>
    public static async Task<string> PullAsync(string name)
    {
        await Gate.WaitAsync();
        try
        {
            using var downloader = new ModelDownloader(Options.Create(new ModelsOptions()), NullLogger<ModelDownloader>.Instance);
            var result = await downloader.PullAsync(ModelCatalog.Default.Find(name)!, ModelsDirectory);
            return result.Directory;
        }
        finally
        {
            Gate.Release();
        }
    }

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
