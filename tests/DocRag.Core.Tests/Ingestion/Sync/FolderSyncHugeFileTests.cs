using DocRag.Core.Ingestion;
using DocRag.Core.Storage;
using DocRag.TestSupport;
using Xunit.Abstractions;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>A 1 GB text file allowed past the size limit: streamed once for its hash, parsing stopped at MaxTextChars, never held whole.</summary>
[Collection(ProcessMeasurementGroup.Name)]
public sealed class FolderSyncHugeFileTests(ITestOutputHelper output) : IDisposable
{
    private const long OneGigabyte = 1L << 30;
    private const long MemoryBound = 256L * 1024 * 1024; // a quarter of the file: holding it would cross this

    private readonly TempDirectory _folder = new("docrag-huge");

    [Fact]
    public async Task SyncAsync_OneGigabyteTextFileUnderTheSizeLimit_HashedOnceStoppedAtMaxTextCharsInBoundedMemory()
    {
        _folder.WriteText("good.txt", "Walruses gather on the ice.");
        var huge = _folder.Combine("huge.txt");
        await using (var stream = File.Create(huge))
        {
            var line = "Penguins huddle together through the polar night.\n"u8.ToArray();
            for (var i = 0; i < 2000; i++)
            {
                await stream.WriteAsync(line);
            }

            stream.SetLength(OneGigabyte); // the rest is sparse: 1 GB to read, no disk space used
        }

        using var index = new SyncHarness(new IngestionOptions { MaxParallelism = 2, MaxFileBytes = 2 * OneGigabyte, MaxTextChars = 1_000_000 });
        var readBefore = BytesRead();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var report = await index.SyncAsync(_folder.Path);

        var read = BytesRead() - readBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"read {read:N0} bytes, allocated {allocated:N0} bytes");
        Assert.Equal((2, 1), (report.Added, report.Failed));
        var document = (await index.Store.GetDocumentByPathAsync(huge))!;
        Assert.Equal((DocumentStatus.Failed, "too large"), (document.Status, document.Error));
        Assert.Contains("DocRag:Ingestion:MaxTextChars", document.Reason, StringComparison.Ordinal);
        Assert.Equal(DocumentStatus.Indexed, (await index.Store.GetDocumentByPathAsync(_folder.Combine("good.txt")))!.Status);
        // Read once, streamed, for the content hash (rename detection); the parse stops at the limit: well under twice.
        Assert.True(read < OneGigabyte + OneGigabyte / 4, $"read {read:N0} bytes of a {OneGigabyte:N0}-byte file");
        Assert.True(allocated < MemoryBound, $"allocated {allocated:N0} bytes for a {OneGigabyte:N0}-byte file");
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Bytes this process has read through read(2) and friends (<c>rchar</c> of /proc/self/io).</summary>
    private static long BytesRead()
    {
        var line = File.ReadLines("/proc/self/io").First(l => l.StartsWith("rchar:", StringComparison.Ordinal));
        return long.Parse(line.AsSpan(6).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
