namespace DocRag.Core.Ingestion.Sync;

/// <summary>
/// Real paths (every symbolic link in every component resolved, like realpath(3)) for the boundary checks of collection
/// folders: a path is inside a collection only when its real path is inside the real path of the collection's folder.
/// </summary>
public static class RealPaths
{
    private const int MaxLinks = 40; // the kernel's own limit (ELOOP)

    /// <summary>
    /// The real path of <paramref name="path"/>; components that do not exist are kept as written. A link loop (more
    /// than 40 links) throws <see cref="IOException"/>.
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var pending = new Stack<string>(Split(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Join(current, part);
            if (LinkTargetOf(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links: {path}");
            }

            foreach (var component in Split(target).Reverse())
            {
                pending.Push(component);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
            }
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both real, full paths).</summary>
    public static bool IsInside(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);
        var root = Path.TrimEndingDirectorySeparator(folder);
        path = Path.TrimEndingDirectorySeparator(path);
        return path.Length > root.Length
            ? path.StartsWith(root, StringComparison.Ordinal) && (path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar))
            : string.Equals(path, root, StringComparison.Ordinal);
    }

    /// <summary>True when the real path of <paramref name="path"/> is inside the real path of <paramref name="folder"/>; false when a loop hides it.</summary>
    public static bool IsReallyInside(string path, string folder)
    {
        try
        {
            return IsInside(Resolve(path), Resolve(folder));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTargetOf(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // absent or unreadable: kept as written
        }
    }
}
