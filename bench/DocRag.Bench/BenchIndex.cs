using DocRag.Core.Hosting;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocRag.Bench;

/// <summary>
/// The real services (AddDocRag) over a throwaway data folder, configured like the product (environment variables and
/// <c>--set Key=Value</c>), so benchmarks measure what users run. Whatever embedder AddDocRag registers is used.
/// </summary>
internal sealed class BenchIndex : IDisposable
{
    private readonly ServiceProvider _services;

    public BenchIndex(string dataDirectory, IReadOnlyList<string> args)
    {
        DataDirectory = dataDirectory;
        var settings = new Dictionary<string, string?> { [DocRagEnvironment.DataKey] = dataDirectory };
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--set" && args[i + 1].Split('=', 2) is [var key, var value])
            {
                settings[key] = value;
            }
            else if (args[i] == "--models")
            {
                settings[DocRagEnvironment.ModelsKey] = args[i + 1];
            }
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Error).AddConsole());
        services.AddDocRag(configuration);
        _services = services.BuildServiceProvider();
    }

    public string DataDirectory { get; }

    public FolderSync Sync => _services.GetRequiredService<FolderSync>();

    public IndexStore Store => _services.GetRequiredService<IndexStore>();

    public void Dispose() => _services.Dispose();
}
