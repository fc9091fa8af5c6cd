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
}
