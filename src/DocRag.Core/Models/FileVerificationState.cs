namespace DocRag.Core.Models;

/// <summary>What <c>verify</c> found for one file.</summary>
public enum FileVerificationState
{
    /// <summary>Present and its SHA-256 matches the pinned one.</summary>
    Ok,

    /// <summary>Present, but the catalog has no hash to check it against.</summary>
    Unpinned,

    /// <summary>Not there.</summary>
    Missing,

    /// <summary>Present with the wrong size or SHA-256.</summary>
    Corrupt,
}
