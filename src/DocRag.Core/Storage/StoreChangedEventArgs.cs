namespace DocRag.Core.Storage;

/// <summary>Raised after a write commits in this process; <see cref="Version"/> is the index's new change version.</summary>
public sealed class StoreChangedEventArgs(long version, StoreChangeKind kind, DocumentId? document) : EventArgs
{
    public long Version { get; } = version;

    public StoreChangeKind Kind { get; } = kind;

    /// <summary>The document concerned; null for index-wide changes.</summary>
    public DocumentId? Document { get; } = document;
}
