namespace DocRag.Core.Hosting;

/// <summary>
/// Thrown when a request needs something that is not available right now (a model still loading, none configured).
/// The server answers 503 with the message as the problem's detail, so it must name the cause and not internals.
/// </summary>
public sealed class ServiceUnavailableException : Exception
{
    public ServiceUnavailableException()
        : this("The service is not available right now; try again shortly.")
    {
    }

    public ServiceUnavailableException(string message)
        : base(message)
    {
    }

    public ServiceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="message">What is unavailable and why, in words a user can act on.</param>
    /// <param name="retryAfter">When to retry, if known; sent as <c>Retry-After</c>.</param>
    public ServiceUnavailableException(string message, TimeSpan? retryAfter)
        : base(message)
    {
        if (retryAfter is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        }

        RetryAfter = retryAfter;
    }

    /// <summary>When to retry, if known.</summary>
    public TimeSpan? RetryAfter { get; }
}
