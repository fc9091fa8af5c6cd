namespace DocRag.Core.Storage;

/// <summary>A document ends indexed (chunks searchable) or failed (with an error code and reason).</summary>
public enum DocumentStatus
{
    Indexed = 0,
    Failed = 1,
}
