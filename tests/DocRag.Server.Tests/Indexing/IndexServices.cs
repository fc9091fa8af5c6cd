using DocRag.Core.Hosting;
using DocRag.Server.Hosting;
using DocRag.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocRag.Server.Tests.Indexing;

/// <summary>DocRag's real services (AddDocRag and the server's background services) over a temp data folder, nothing started.</summary>
internal sealed class IndexServices : IDisposable
{
    public IndexServices(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { [DocRagEnvironment.DataKey] = Data.Path };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDocRag(configuration);
        services.AddServerBackgroundServices();
        Provider = services.BuildServiceProvider();
    }

    public TempDirectory Data { get; } = new("docrag-index-services");

    public ServiceProvider Provider { get; }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public void Dispose()
    {
        Provider.Dispose();
        SqliteConnection.ClearAllPools();
        Data.Dispose();
    }
}
