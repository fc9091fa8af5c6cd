using System.Buffers;

namespace DocRag.Core.Models;

public sealed partial class ModelDownloader
{
    private async Task<bool> CopyBodyAsync(
        HttpResponseMessage response,
        DownloadTarget target,
        long start,
        long? total,
        DownloadProgressReporter reporter,
        CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var file = OpenPart(target, append: start > 0);
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 17);
            var done = start;
            var oversize = false;
            try
            {
                await using (file.ConfigureAwait(false))
                {
                    using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    reporter.Begin(done, total);
                    while (true)
                    {
                        var read = await ReadAsync(body, buffer, stall, done, cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        if (total is long limit && done + read > limit)
                        {
                            oversize = true;
                            break;
                        }

                        await WriteStorageAsync(
                            target.PartPath,
                            () => file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).AsTask()).ConfigureAwait(false);
                        done += read;
                        reporter.Downloading(done, total);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            if (oversize)
            {
                throw CorruptPart(target, $"{target.Url} sent more than the expected {total} bytes");
            }

            reporter.Downloading(done, total, force: true);
            return total is not long expected || done >= expected;
        }
    }

    private async Task<int> ReadAsync(
        Stream body, byte[] buffer, CancellationTokenSource stall, long done, CancellationToken cancellationToken)
    {
        stall.CancelAfter(_options.ReadTimeout);
        try
        {
            return await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadException($"no data for {_options.ReadTimeout.TotalSeconds:0} s after {done} bytes");
        }
        catch (HttpRequestException ex)
        {
            throw new TransientDownloadException($"the connection dropped after {done} bytes: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new TransientDownloadException($"the connection dropped after {done} bytes: {ex.Message}", ex);
        }
    }

    private static FileStream OpenPart(DownloadTarget target, bool append)
    {
        try
        {
            // Created only now, so that a pull that cannot reach the server leaves no empty folders behind.
            Directory.CreateDirectory(Path.GetDirectoryName(target.PartPath)!);
            return new FileStream(
                target.PartPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelDownloadException(ModelDownloadErrorKind.Storage, $"cannot write {target.PartPath}: {ex.Message}", ex);
        }
    }
}
