namespace DocRag.Core.Storage;

/// <summary>
/// The index cannot be written (SQLITE_READONLY, or it cannot be opened for writing): a read-only file system, or no
/// write permission on the data folder. Nothing was changed; reads and searches go on where SQLite can still read the
/// file. The server answers 503; the message says what to do.
/// </summary>
public sealed class IndexReadOnlyException : IOException
{
    public IndexReadOnlyException()
        : this("the index is read-only; give DocRag write access to its data folder")
    {
    }

    public IndexReadOnlyException(string message)
        : base(message)
    {
    }

    public IndexReadOnlyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
