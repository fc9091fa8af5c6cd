using System.ComponentModel.DataAnnotations;

namespace DocRag.Core.Storage;

/// <summary>The index file (section <c>DocRag:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "DocRag:Storage";

    /// <summary>
    /// The most the index file may grow to, in MiB (SQLite <c>max_page_count</c>); empty means as much as the disk holds.
    /// Reaching it is handled exactly like a full disk: the write fails, nothing is lost, and indexing stops with
    /// <see cref="IndexStorageFullException"/> until the limit is raised or documents are removed.
    /// </summary>
    [Range(1, 1_048_576)]
    public int? MaxDatabaseMegabytes { get; set; }
}
