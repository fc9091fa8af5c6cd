using DocRag.Core.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Models;

internal static class DownloaderFactory
{
    /// <summary>A downloader against <paramref name="baseUrl"/> that retries at once (tests never wait on backoff).</summary>
    public static ModelDownloader Create(Uri baseUrl, int maxRetries = 3, TimeSpan? retryDelay = null) =>
        new(
            Options.Create(new ModelsOptions
            {
                BaseUrl = baseUrl,
                MaxRetries = maxRetries,
                RetryDelay = retryDelay ?? TimeSpan.Zero,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ReadTimeout = TimeSpan.FromSeconds(30),
            }),
            NullLogger<ModelDownloader>.Instance);
}
