namespace DocRag.Core.Storage;

/// <summary>
/// A write to the index failed because there is no room (SQLITE_FULL: the disk is full, or the index reached
/// <see cref="StorageOptions.MaxDatabaseMegabytes"/>). The transaction was rolled back: the index is as it was before
/// the write. The server answers 507; the message says what to do.
/// </summary>
public sealed class IndexStorageFullException : IOException
{
    public IndexStorageFullException()
        : this("the index has no room left to write; free disk space and try again")
    {
    }

    public IndexStorageFullException(string message)
        : base(message)
    {
    }

    public IndexStorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
