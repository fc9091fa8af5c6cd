using System.Text.RegularExpressions;
using DocRag.Core.Answering;
using DocRag.Server.Indexing;

namespace DocRag.Server.Security;

/// <summary>
/// What a scoped key is shown of the server's disk: document paths relative to their collection's folder, and no
/// absolute server path (data, models, other folders) inside messages. Unscoped keys, and local use without keys,
/// see full paths as before.
/// </summary>
public sealed partial class ScopedView
{
    /// <summary>What the folders of an absolute path in a message become for a scoped key (the file name stays).</summary>
    public const string HiddenFolder = "(server folder)";

    private static readonly ScopedView Unscoped = new(null);

    private readonly Dictionary<string, string>? _roots;

    private ScopedView(Dictionary<string, string>? roots) => _roots = roots;

    /// <summary>True when paths and messages are rewritten (the caller's key is scoped).</summary>
    public bool IsScoped => _roots is not null;

    /// <summary>The view for the caller of <paramref name="context"/>.</summary>
    public static async Task<ScopedView> ForAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CollectionAccess.GetScope(context).IsUnrestricted)
        {
            return Unscoped;
        }

        var folders = context.RequestServices.GetRequiredService<CollectionFolders>();
        var roots = (await folders.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Name, f => f.Path, StringComparer.Ordinal);
        return new ScopedView(roots);
    }

    /// <summary>The path as the caller may see it: relative to its collection's folder for a scoped key.</summary>
    public string PathOf(string path, string collection)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_roots is null)
        {
            return path;
        }

        return _roots.TryGetValue(collection, out var root) && CollectionFolders.IsUnder(path, root) && path.Length > root.Length
            ? Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')
            : Path.GetFileName(path);
    }

    /// <summary>A message with the folders of every absolute path replaced by <see cref="HiddenFolder"/> for a scoped key.</summary>
    public string? Text(string? text) =>
        _roots is null || text is null ? text : AbsolutePath().Replace(text, m => HiddenFolder + "/" + Path.GetFileName(Path.TrimEndingDirectorySeparator(m.Value)));

    public IReadOnlyList<AnswerCitation> Citations(IReadOnlyList<AnswerCitation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        return _roots is null ? citations : [.. citations.Select(c => c with { Path = PathOf(c.Path, c.Collection) })];
    }

    public Answer AnswerOf(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return _roots is null ? answer : answer with { Citations = Citations(answer.Citations) };
    }

    // A slash-led run of path characters after a start, space, quote or bracket: /home/x/models/e5/model.onnx -> (server folder)/model.onnx.
    [GeneratedRegex(@"(?<=^|[\s'""(\[=])/[^\s'""()\[\]]+")]
    private static partial Regex AbsolutePath();
}
