namespace DocRag.Core.Models;

/// <summary>How much of a catalog model is in the models folder (a cheap check: presence and size, no hashing).</summary>
public enum ModelInstallState
{
    /// <summary>None of its files are there.</summary>
    NotDownloaded,

    /// <summary>Some files are there, or a download was interrupted (a <c>.part</c> file is left).</summary>
    Partial,

    /// <summary>Every file is there with its pinned size.</summary>
    Downloaded,
}
