using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace DocRag.Core.Models;

public sealed partial class ModelDownloader
{
    /// <summary>
    /// One HTTP attempt: resumes from <paramref name="offset"/> when the part file has bytes, starts over when the server
    /// ignores the range. True when the body ended at the expected size (or, size unknown, ended cleanly).
    /// </summary>
    private async Task<bool> TransferAsync(
        DownloadTarget target, long offset, DownloadProgressReporter reporter, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
        if (offset > 0)
        {
            request.Headers.Range = new RangeHeaderValue(offset, null);
            Log.ModelFileResuming(_logger, target.Path, offset);
        }

        using var response = await SendAsync(request, target, cancellationToken).ConfigureAwait(false);
        var start = StartOffset(response, target, offset);
        if (start < 0)
        {
            return true; // 416 with the part already whole
        }

        long? served = response.Content.Headers.ContentLength is long length ? start + length : null;
        if (target.File.Size is long pinned && served is long actual && actual != pinned)
        {
            // A whole file of another size is another version of it: no retry can fix that.
            throw CorruptPart(
                target, $"{target.Url} is {actual} bytes but the catalog pins {pinned}: the file changed upstream or the server holds another version");
        }

        var total = target.File.Size ?? served;

        return await CopyBodyAsync(response, target, start, total, reporter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where the body's bytes go in the part file, or -1 when nothing is left to fetch.</summary>
    private long StartOffset(HttpResponseMessage response, DownloadTarget target, long offset)
    {
        var status = response.StatusCode;
        switch (status)
        {
            case HttpStatusCode.OK:
                if (offset > 0)
                {
                    Log.ModelRangeIgnored(_logger, target.Url, target.Path);
                }

                return 0;
            case HttpStatusCode.PartialContent:
                if (response.Content.Headers.ContentRange?.From != offset)
                {
                    DeletePart(target, "the server answered a different byte range");
                    throw new TransientDownloadException("the server answered a different byte range; starting over");
                }

                return offset;
            case HttpStatusCode.RequestedRangeNotSatisfiable when offset > 0:
                if (response.Content.Headers.ContentRange?.Length == offset)
                {
                    return -1;
                }

                DeletePart(target, "the server rejected its length as a resume offset");
                throw new TransientDownloadException("the server rejected the resume offset; starting over");
            case HttpStatusCode.NotFound:
                throw new ModelDownloadException(
                    ModelDownloadErrorKind.NotFound,
                    $"{target.Url} was not found (HTTP 404): the catalog entry '{target.Model.Name}' may be out of date");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new ModelDownloadException(
                    ModelDownloadErrorKind.HttpError,
                    $"{target.Url} needs a login (HTTP {(int)status}); DocRag downloads only public files, so download it yourself and copy it to {target.Path}");
            case HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError:
                throw new TransientDownloadException($"the server answered HTTP {(int)status} {response.ReasonPhrase}");
            default:
                throw new ModelDownloadException(
                    ModelDownloadErrorKind.HttpError,
                    $"{target.Url} answered HTTP {(int)status} {response.ReasonPhrase}");
        }
    }

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
