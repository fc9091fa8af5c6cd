namespace DocRag.Core.Ingestion.Sync;

/// <summary>
/// Lists the files under a folder: ignores hidden and temp files, follows links that stay inside the folder's real path
/// once (loops are cut by the set of real folders already seen), lists links that lead outside it as refused without
/// following them, stops at a depth limit, and skips what it may not read.
/// </summary>
public static class FolderScanner
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    public static IReadOnlyList<ScannedFile> Scan(string root, int maxDepth, CancellationToken cancellationToken = default)
    {
        var files = new List<ScannedFile>();
        var rootReal = RealPaths.Resolve(root);
        var seen = new HashSet<string>(StringComparer.Ordinal) { rootReal };
        var stack = new Stack<(DirectoryInfo Directory, string Real, int Depth)>();
        stack.Push((new DirectoryInfo(root), rootReal, 0));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (directory, real, depth) = stack.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = directory.EnumerateFileSystemInfos("*", Options).OrderByDescending(e => e.Name, StringComparer.Ordinal).ToArray();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                continue; // an unreadable or vanished folder: its files stay as they are in the index until readable
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo sub)
                {
                    if (SyncIgnoreRules.IsIgnoredDirectory(sub.Name) || depth >= maxDepth)
                    {
                        continue;
                    }

                    // Each real folder is entered once: a link to a folder already seen (or to an ancestor) is skipped.
                    var subReal = sub.LinkTarget is null ? Path.Join(real, sub.Name) : RealPathOf(sub.FullName);
                    if (!RealPaths.IsInside(subReal, rootReal))
                    {
                        files.Add(ScannedFile.Outside(sub.FullName));
                    }
                    else if (seen.Add(subReal))
                    {
                        stack.Push((sub, subReal, depth + 1));
                    }
                }
                else if (entry is FileInfo file && !SyncIgnoreRules.IsIgnoredFile(file.Name))
                {
                    if (file.LinkTarget is not null && !RealPaths.IsInside(RealPathOf(file.FullName), rootReal))
                    {
                        files.Add(ScannedFile.Outside(file.FullName));
                    }
                    else if (Describe(file) is { } scanned)
                    {
                        files.Add(scanned);
                    }
                    else if (HasUndecodableName(file.FullName))
                    {
                        files.Add(new ScannedFile(file.FullName, -1, 0)); // listed (size unknown) so the index says why it cannot be read
                    }
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>Size and modification time of a file (of its target for a link); null when it is gone or a broken link.</summary>
    public static ScannedFile? Describe(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is null || !target.Exists)
            {
                return null;
            }

            return new ScannedFile(file.FullName, target.Length, new DateTimeOffset(target.LastWriteTimeUtc).ToUnixTimeMilliseconds());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A name whose bytes are not UTF-8: .NET shows them as U+FFFD and cannot open the file by that name.</summary>
    public static bool HasUndecodableName(string path) => path.Contains('\uFFFD', StringComparison.Ordinal);

    // A link loop that cannot resolve counts as outside: an empty path is inside no folder.
    private static string RealPathOf(string path)
    {
        try
        {
            return RealPaths.Resolve(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
