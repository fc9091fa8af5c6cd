namespace DocRag.Core.Models;

public sealed partial class ModelDownloader
{
    private async Task DownloadWithRetriesAsync(
        DownloadTarget target, DownloadProgressReporter reporter, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = target.PartLength;
            if (target.File.Size is long size && before > size)
            {
                DeletePart(target, $"it is larger than the expected {size} bytes");
                before = 0;
            }

            if (target.File.Size is long whole && before == whole)
            {
                return; // a previous run got every byte; only the check is left
            }

            try
            {
                if (await TransferAsync(target, before, reporter, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                throw new TransientDownloadException($"the connection closed after {target.PartLength} bytes");
            }
            catch (TransientDownloadException ex)
            {
                // Bounded by failures in a row: an attempt that moved the file forward starts the count again.
                failures = target.PartLength > before ? 1 : failures + 1;
                if (failures > _options.MaxRetries)
                {
                    throw new ModelDownloadException(
                        ModelDownloadErrorKind.RetriesExhausted,
                        $"downloading {target.Url} failed after {failures} attempts: {ex.Message}; run the same command again to resume",
                        ex);
                }

                var delay = RetryDelay(failures);
                Log.ModelDownloadRetrying(_logger, target.Url, ex.Message, failures, _options.MaxRetries, delay);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TimeSpan RetryDelay(int failures)
    {
        var ticks = _options.RetryDelay.Ticks * Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromTicks((long)Math.Min(ticks, MaxRetryDelay.Ticks));
    }
}
