namespace DocRag.Core.Models;

/// <summary>Where a file of a pull stands.</summary>
public enum ModelDownloadStage
{
    /// <summary>Bytes are arriving (possibly appended to an earlier partial download).</summary>
    Downloading,

    /// <summary>The whole file is here and its SHA-256 is being checked.</summary>
    Verifying,

    /// <summary>The file is in place: downloaded now, or already present and intact.</summary>
    Done,
}
