namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value)
    {
        lock (report)
        {
            report(value);
        }
    }
}
