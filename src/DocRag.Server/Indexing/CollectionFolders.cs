using DocRag.Core.Hosting;
using DocRag.Core.Ingestion;
using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Server.Security;
using Microsoft.Extensions.Options;

namespace DocRag.Server.Indexing;

/// <summary>
/// Which folder each collection mirrors: the configured (watched) folders first, then upload folders under
/// <c>DATA/uploads</c>, then the roots the index recorded. A name appears once, with the first source that has it.
/// </summary>
public sealed class CollectionFolders
{
    /// <summary>The folder under the data folder that holds one sub-folder per upload-only collection.</summary>
    public const string UploadsFolderName = "uploads";

    private readonly IndexStore _store;

    public CollectionFolders(IOptions<IngestionOptions> ingestion, IOptions<DocRagOptions> docRag, IndexStore store)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(docRag);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        UploadsRoot = Path.Combine(docRag.Value.DataPath, UploadsFolderName);
        Configured = [.. ingestion.Value.Folders
            .Where(f => !string.IsNullOrWhiteSpace(f.Path))
            .Select(f => (Folder: f, Path: Normalize(f.Path)))
            .Select(f => new CollectionFolder(NameOf(f.Folder, f.Path), f.Path, CollectionFolderSource.Configured))
            .DistinctBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary><c>DATA/uploads</c> as a full path.</summary>
    public string UploadsRoot { get; }

    /// <summary>The watched folders of <c>DocRag:Ingestion:Folders</c>, in order.</summary>
    public IReadOnlyList<CollectionFolder> Configured { get; }

    /// <summary>Every collection with a folder: configured, then uploads, then the index's roots.</summary>
    public async Task<IReadOnlyList<CollectionFolder>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<CollectionFolder>(Configured);
        var names = new HashSet<string>(list.Select(f => f.Name), StringComparer.Ordinal);
        foreach (var folder in ListUploadFolders().Where(f => names.Add(f.Name)))
        {
            list.Add(folder);
        }

        foreach (var (name, root) in await ReadRootsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (names.Add(name))
            {
                var path = Normalize(root);
                list.Add(new CollectionFolder(name, path, IsUnder(path, UploadsRoot) ? CollectionFolderSource.Uploads : CollectionFolderSource.Index));
            }
        }

        return list;
    }

    /// <summary>The folder of <paramref name="collection"/>, or null when it has none.</summary>
    public async Task<CollectionFolder?> FindAsync(string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(f => string.Equals(f.Name, collection, StringComparison.Ordinal));
    }

    /// <summary>
    /// Where an upload without a collection goes: the first configured collection <paramref name="scope"/> allows;
    /// without one, the only collection with a folder it allows; else null.
    /// </summary>
    public async Task<string?> DefaultForAsync(CollectionScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Configured.FirstOrDefault(f => scope.Allows(f.Name)) is { } configured)
        {
            return configured.Name;
        }

        var allowed = (await ListAsync(cancellationToken).ConfigureAwait(false)).Where(f => scope.Allows(f.Name)).Take(2).ToList();
        return allowed.Count == 1 ? allowed[0].Name : null;
    }

    /// <summary>The upload folder a new collection gets: <c>DATA/uploads/{collection}</c>.</summary>
    public CollectionFolder ForUploads(string collection) =>
        new(collection, Path.Combine(UploadsRoot, collection), CollectionFolderSource.Uploads);

    /// <summary>The existing sub-folders of <c>DATA/uploads</c>, each a collection named after it.</summary>
    public IReadOnlyList<CollectionFolder> ListUploadFolders()
    {
        if (!Directory.Exists(UploadsRoot))
        {
            return [];
        }

        return [.. new DirectoryInfo(UploadsRoot).EnumerateDirectories()
            .Where(d => !SyncIgnoreRules.IsIgnoredDirectory(d.Name))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new CollectionFolder(d.Name, d.FullName, CollectionFolderSource.Uploads))];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both full paths).</summary>
    public static bool IsUnder(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);
        var root = Path.TrimEndingDirectorySeparator(folder);
        return path.Length > root.Length
            ? path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            : string.Equals(path, root, StringComparison.Ordinal);
    }

    // The roots only: ListCollectionsAsync also counts every collection's documents, which this runs too often to pay for.
    private async Task<List<(string Name, string Root)>> ReadRootsAsync(CancellationToken cancellationToken)
    {
        using var connection = await _store.OpenReadConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, root FROM collections WHERE root IS NOT NULL ORDER BY name";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var roots = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            roots.Add((reader.GetString(0), reader.GetString(1)));
        }

        return roots;
    }

    private static string NameOf(WatchedFolder folder, string path) =>
        string.IsNullOrWhiteSpace(folder.Collection) ? CollectionNames.FromFolder(path) : folder.Collection.Trim();

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
}
