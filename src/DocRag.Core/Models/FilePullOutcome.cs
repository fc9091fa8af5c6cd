namespace DocRag.Core.Models;

/// <summary>What a pull did with one file.</summary>
public enum FilePullOutcome
{
    /// <summary>Downloaded now (from the start or resumed from a partial file).</summary>
    Downloaded,

    /// <summary>Already in place: its pinned hash matched, or it is not pinned and was left as it is.</summary>
    AlreadyPresent,
}
