namespace DocRag.Core.Models;

/// <summary>What <c>verify</c> found for a model: its worst file wins.</summary>
public enum ModelVerificationState
{
    /// <summary>Every file is present and matches its pinned hash.</summary>
    Ok,

    /// <summary>Every file is present; those with a pinned hash match, some have none to check.</summary>
    Unpinned,

    /// <summary>Some files are missing (none corrupt).</summary>
    Missing,

    /// <summary>At least one file has the wrong size or hash.</summary>
    Corrupt,

    /// <summary>None of its files are there.</summary>
    NotDownloaded,
}
