using Microsoft.Extensions.Options;

namespace DocRag.Core.Ingestion.Sync;

/// <summary>
/// Refuses overlapping collection folders at start, one line per pair: with <c>company</c> and <c>company/hr</c> both
/// watched, every file of <c>hr</c> would belong to two collections and change owner at each sync. Folders are compared
/// by real path, so a link to a folder (or the same folder twice) counts too. Two folders given one collection name
/// are refused for the same reason.
/// </summary>
public sealed class WatchedFoldersValidator : IValidateOptions<IngestionOptions>
{
    private const string Setting = IngestionOptions.SectionName + ":Folders";

    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Overlaps(options.Folders);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>One message per overlapping pair of folders (or per collection name given to two folders).</summary>
    public static IReadOnlyList<string> Overlaps(IEnumerable<WatchedFolder> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var list = folders
            .Where(f => !string.IsNullOrWhiteSpace(f.Path))
            .Select(f => (Folder: f, Full: Path.TrimEndingDirectorySeparator(Path.GetFullPath(f.Path))))
            .Select(f => (f.Folder.Path, Name: string.IsNullOrWhiteSpace(f.Folder.Collection) ? CollectionNames.FromFolder(f.Full) : f.Folder.Collection.Trim(), Real: RealOf(f.Full)))
            .ToList();
        var errors = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                if (a.Real == b.Real)
                {
                    errors.Add($"{Setting}: '{a.Path}' (collection {a.Name}) and '{b.Path}' (collection {b.Name}) are the same folder; give each collection its own folder.");
                }
                else if (RealPaths.IsInside(b.Real, a.Real) || RealPaths.IsInside(a.Real, b.Real))
                {
                    var (inner, outer) = RealPaths.IsInside(b.Real, a.Real) ? (b, a) : (a, b);
                    errors.Add($"{Setting}: '{inner.Path}' (collection {inner.Name}) is inside '{outer.Path}' (collection {outer.Name}); collection folders may not overlap, " +
                        "or its files would belong to both. Watch folders side by side, or only the outer one.");
                }
                else if (a.Name == b.Name)
                {
                    errors.Add($"{Setting}: '{a.Path}' and '{b.Path}' are both collection {a.Name}; give each folder its own collection name.");
                }
            }
        }

        return errors;
    }

    private static string RealOf(string path)
    {
        try
        {
            return RealPaths.Resolve(path);
        }
        catch (IOException)
        {
            return path;
        }
    }
}
