namespace DocRag.Core.Hosting;

/// <summary>
/// Thrown when a bounded resource (the generation queue, say) is full: the request was refused, not failed, and may be
/// retried after <see cref="RetryAfter"/>. The server answers 429 with a <c>Retry-After</c> header.
/// </summary>
public sealed class ServiceBusyException : Exception
{
    public ServiceBusyException()
        : this("The server is busy; try again shortly.")
    {
    }

    public ServiceBusyException(string message)
        : this(message, TimeSpan.FromSeconds(1))
    {
    }

    public ServiceBusyException(string message, Exception innerException)
        : base(message, innerException) => RetryAfter = TimeSpan.FromSeconds(1);

    /// <param name="message">What is busy, in words a user can act on (no internals: it is shown to the caller).</param>
    /// <param name="retryAfter">How long the caller should wait before retrying (at least one second is sent).</param>
    public ServiceBusyException(string message, TimeSpan retryAfter)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        RetryAfter = retryAfter;
    }

    /// <summary>How long the caller should wait before retrying.</summary>
    public TimeSpan RetryAfter { get; }
}
