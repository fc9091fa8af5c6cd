using System.Net.Http;

namespace DocRag.Core.Models;

public sealed partial class ModelDownloader
{
    /// <summary>Sends the request; an unreachable host fails at once (no retries), other failures are transient.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, DownloadTarget target, CancellationToken cancellationToken)
    {
        using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        headers.CancelAfter(_options.ReadTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.NameResolutionError
                                                  or HttpRequestError.ConnectionError
                                                  or HttpRequestError.SecureConnectionError
                                                  or HttpRequestError.ProxyTunnelError)
        {
            throw Unreachable(target, Innermost(ex).Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientDownloadException(Innermost(ex).Message, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && ex.InnerException is TimeoutException)
        {
            // SocketsHttpHandler reports its ConnectTimeout this way.
            throw Unreachable(target, $"no connection within {_options.ConnectTimeout.TotalSeconds:0} s", ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadException($"no response within {_options.ReadTimeout.TotalSeconds:0} s");
        }
    }

    private static ModelDownloadException Unreachable(DownloadTarget target, string reason, Exception inner) =>
        new(
            ModelDownloadErrorKind.Unreachable,
            $"cannot reach {target.Url.Host}: {reason}; DocRag works offline with models you copy into {target.ModelsDirectory}",
            inner);

    private ModelDownloadException CorruptPart(DownloadTarget target, string reason)
    {
        DeletePart(target, reason);
        return new ModelDownloadException(
            ModelDownloadErrorKind.Corrupt, $"{reason}; the partial download was deleted, run the same command to fetch it again");
    }

    private void DeletePart(DownloadTarget target, string reason)
    {
        if (!File.Exists(target.PartPath))
        {
            return; // File.Delete throws when even the folder is missing
        }

        try
        {
            File.Delete(target.PartPath);
            Log.ModelPartialDeleted(_logger, target.PartPath, reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelDownloadException(
                ModelDownloadErrorKind.Storage, $"cannot delete {target.PartPath} ({reason}): {ex.Message}", ex);
        }
    }

    /// <summary>Runs a file-system step, turning its failure into one clear line that names the path.</summary>
    private static async Task WriteStorageAsync(string path, Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelDownloadException(ModelDownloadErrorKind.Storage, $"cannot write {path}: {ex.Message}", ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
