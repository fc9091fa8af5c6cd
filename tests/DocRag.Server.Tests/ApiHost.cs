using DocRag.Server.Endpoints;
using DocRag.TestSupport;

namespace DocRag.Server.Tests;

/// <summary>
/// The real server on Kestrel (<see cref="ServerHost"/>) watching folders of test documents, each a named collection,
/// started once those folders are indexed.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly List<TempDirectory> _folders;

    private ApiHost(ServerHost server, List<TempDirectory> folders, IReadOnlyDictionary<string, string> paths)
    {
        Server = server;
        _folders = folders;
        Folders = paths;
    }

    public ServerHost Server { get; }

    public HttpClient Client => Server.Client;

    /// <summary>Collection name to folder path.</summary>
    public IReadOnlyDictionary<string, string> Folders { get; }

    /// <summary>Starts the server with one watched folder per collection, holding the given files; waits until all are indexed.</summary>
    public static async Task<ApiHost> StartAsync(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> collections, IDictionary<string, string?>? settings = null, string? key = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        var folders = new List<TempDirectory>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var (name, files) in collections)
        {
            var folder = new TempDirectory("docrag-api-docs");
            folders.Add(folder);
            foreach (var (path, content) in files)
            {
                folder.WriteText(path, content);
            }

            all[$"DocRag:Ingestion:Folders:{i}:Path"] = folder.Path;
            all[$"DocRag:Ingestion:Folders:{i}:Collection"] = name;
            paths[name] = folder.Path;
            i++;
        }

        var server = await ServerHost.StartAsync(all);
        var host = new ApiHost(server, folders, paths);
        var expected = collections.Values.Sum(c => c.Count);
        await Polling.UntilAsync(
            () => server.Client.GetJsonAsync<DocumentList>("/v1/documents?limit=1", key), list => list.Total == expected, $"indexing {expected} documents");
        return host;
    }

    /// <summary>The documents listed at <paramref name="url"/> once <paramref name="done"/> holds.</summary>
    public Task<DocumentList> DocumentsWhenAsync(string url, Func<DocumentList, bool> done, string? key = null) =>
        Polling.UntilAsync(() => Client.GetJsonAsync<DocumentList>(url, key), done, $"documents at {url}");

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _folders.ForEach(f => f.Dispose());
    }
}
