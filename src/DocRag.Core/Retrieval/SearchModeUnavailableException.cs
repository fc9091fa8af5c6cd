namespace DocRag.Core.Retrieval;

/// <summary>
/// Vector or hybrid search was asked for explicitly but cannot run: no embedding model is loaded, or the index holds no
/// vectors of the loaded model yet. The message says why and what to do; the server answers 503 <c>service-unavailable</c>.
/// </summary>
public sealed class SearchModeUnavailableException : Exception
{
    public SearchModeUnavailableException()
    {
    }

    public SearchModeUnavailableException(string message)
        : base(message)
    {
    }

    public SearchModeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SearchModeUnavailableException(SearchMode mode, string reason)
        : base($"{mode.ToString().ToLowerInvariant()} search is not available: {reason}. Search with mode keyword instead.")
    {
        Mode = mode;
        Reason = reason;
    }

    public SearchMode Mode { get; }

    /// <summary>Why the mode cannot run (no model, no vectors yet, a different model's vectors).</summary>
    public string? Reason { get; }
}
