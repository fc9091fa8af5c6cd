using System.Security.Cryptography;

namespace DocRag.Server.Uploads;

/// <summary>
/// Writes uploaded files into a collection folder so that a crash at any point (kill -9 included) leaves each file
/// either complete under its final name or absent from the folder's view: every file is first written and flushed to a
/// hidden temp file in the same folder (which syncs and watchers ignore), then renamed into place, without replacing
/// anything unless asked. Commits are serialised in this process, so two uploads never race for a name.
/// </summary>
public sealed partial class UploadWriter : IDisposable
{
    /// <summary>Temp files are named <c>.docrag-upload-{guid}.part</c>: hidden, and a temp suffix, so no sync reads them.</summary>
    public const string TempPrefix = ".docrag-upload-";

    public const string TempSuffix = ".part";

    /// <summary>Temp files older than this are left over from a crash and removed on the next upload into their folder.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private const int MaxNumberedName = 9999;
    private readonly SemaphoreSlim _commit = new(1, 1);

    public void Dispose() => _commit.Dispose();

    /// <summary>
    /// Writes <paramref name="content"/> to a temp file in <paramref name="folder"/>, hashing it and checking that its first
    /// bytes fit <paramref name="documentType"/>. The caller commits or discards the result.
    /// </summary>
    public static async Task<StagedUpload> StageAsync(
        string folder, string name, string clientName, string documentType, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = Path.Combine(folder, $"{TempPrefix}{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[UploadContentSniffer.HeadLength];
            var headLength = 0;
            long size = 0;
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    var chunk = buffer.AsMemory(0, read);
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        chunk.Span[..take].CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    hash.AppendData(chunk.Span);
                    await stream.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                    size += read;
                }

                // On disk before the rename makes it visible: the name never points at a partial file.
                stream.Flush(flushToDisk: true);
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return new StagedUpload(clientName, name, temp, size, sha256, UploadContentSniffer.Check(documentType, head.AsSpan(0, headLength)));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Deletes the temp files of uploads that will not be committed.</summary>
    public static void Discard(IEnumerable<StagedUpload> staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        foreach (var upload in staged)
        {
            TryDelete(upload.TempPath);
        }
    }

    /// <summary>Removes temp files a crashed upload left in <paramref name="folder"/> (older than <see cref="StaleAfter"/>).</summary>
    public static void RemoveStaleTempFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles(TempPrefix + "*" + TempSuffix))
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                TryDelete(file.FullName);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind: hidden and ignored by syncs, and removed as stale by a later upload.
        }
    }
}
