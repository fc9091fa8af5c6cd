namespace DocRag.Core.Ingestion.Sync;

/// <summary>Names a sync never indexes: hidden entries and the temp files editors, office suites and browsers leave.</summary>
public static class SyncIgnoreRules
{
    private static readonly string[] TempSuffixes =
        [".swp", ".swo", ".swx", ".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".bak", "~", ".lock"];

    public static bool IsIgnoredFile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0
            || name[0] == '.'                                           // hidden, .~lock.x.docx#, .x.swp
            || name.StartsWith("~$", StringComparison.Ordinal)          // Office owner files
            || name.StartsWith("~WR", StringComparison.Ordinal)         // Word autosave
            || (name.StartsWith('#') && name.EndsWith('#'))             // Emacs autosave
            || name == "4913"                                           // vim's write probe
            || TempSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsIgnoredDirectory(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 || name[0] == '.' || name is "node_modules" or "__pycache__" or "$RECYCLE.BIN";
    }
}
