using System.Diagnostics;
using DocRag.Core.Storage;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>Files that change, vanish or cannot be named while a sync runs: the sync finishes and records them sensibly.</summary>
public sealed class FolderSyncHostileInputTests : IDisposable
{
    private readonly TempDirectory _folder = new("docrag-hostile");
    private readonly SyncHarness _index = new();

    [Fact]
    public async Task SyncAsync_FileChangingWhileRead_IsReadAgainUntilStable()
    {
        _folder.WriteText("log.grow", "start");
        var parser = new ChangingFileParser(changes: 1);
        using var sync = _index.CreateSync(null, parser);

        var report = await sync.SyncAsync(_folder.Path);

        Assert.Equal(0, report.Failed);
        var document = await _index.Store.GetDocumentByPathAsync(_folder.Combine("log.grow"));
        Assert.Equal("start more", Assert.Single(await _index.Store.GetDocumentChunksAsync(document!.Id)).Text);
        Assert.Equal(new FileInfo(_folder.Combine("log.grow")).Length, document.Fingerprint.Size);
    }

    [Fact]
    public async Task SyncAsync_FileThatNeverSettles_IsFailedAndRetriedNextTime()
    {
        _folder.WriteText("log.grow", "start");
        using var sync = _index.CreateSync(null, new ChangingFileParser(changes: 100));

        var first = await sync.SyncAsync(_folder.Path);
        var document = await _index.Store.GetDocumentByPathAsync(_folder.Combine("log.grow"));

        Assert.Equal(1, first.Failed);
        Assert.Equal(("unreadable", DocumentStatus.Failed), (document!.Error, document.Status));
        using var settled = _index.CreateSync(null, new ChangingFileParser(changes: 0));
        var second = await settled.SyncAsync(_folder.Path);
        Assert.Equal((1, 0), (second.Updated, second.Failed));
    }

    [Fact]
    public async Task SyncAsync_NonUtf8FileName_DoesNotStopTheSync()
    {
        _folder.WriteText("good.txt", "A readable file.");
        using (var touch = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "printf 'odd bytes' > \"$(printf 'bad\\377\\376name.txt')\""]) { WorkingDirectory = _folder.Path }))
        {
            await touch!.WaitForExitAsync();
        }

        Assert.Equal(2, Directory.GetFiles(_folder.Path).Length);
        var first = await _index.SyncAsync(_folder.Path);
        var second = await _index.SyncAsync(_folder.Path);

        Assert.Equal(2, first.Scanned);
        Assert.NotNull(await _index.Store.GetDocumentByPathAsync(_folder.Combine("good.txt")));
        var odd = Assert.Single((await _index.Store.ListDocumentsAsync(new DocumentQuery(Status: DocumentStatus.Failed))).Items);
        Assert.Equal("unreadable", odd.Error);
        Assert.Contains("UTF-8", odd.Reason);
        Assert.Equal((0, 0), (second.Added, second.Deleted));
        Assert.Equal("ok", await _index.Store.CheckIntegrityAsync());
    }

    [Fact]
    public async Task SyncAsync_FileDeletedAfterScan_LeavesNoRow()
    {
        _folder.WriteText("keep.txt", "stays");
        _folder.WriteText("gone.grow", "will vanish");
        using var sync = _index.CreateSync(null, new VanishingFileParser());

        var report = await sync.SyncAsync(_folder.Path);

        Assert.Null(await _index.Store.GetDocumentByPathAsync(_folder.Combine("gone.grow")));
        Assert.NotNull(await _index.Store.GetDocumentByPathAsync(_folder.Combine("keep.txt")));
        Assert.Equal(0, report.Failed);
    }

    [Fact]
    public async Task SyncAsync_FifoAndEmptyFile_AreRecordedEmptyWithoutBlocking()
    {
        _folder.WriteText("ok.txt", "fine");
        _folder.WriteText("blank.md", "");
        using (var mkfifo = Process.Start("mkfifo", [_folder.Combine("pipe.txt")]))
        {
            await mkfifo!.WaitForExitAsync();
        }

        var report = await _index.SyncAsync(_folder.Path).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal((3, 2), (report.Added, report.Failed));
        Assert.Equal("empty", (await _index.Store.GetDocumentByPathAsync(_folder.Combine("pipe.txt")))!.Error);
        Assert.Equal("empty", (await _index.Store.GetDocumentByPathAsync(_folder.Combine("blank.md")))!.Error);
    }

    public void Dispose()
    {
        _index.Dispose();
        // .NET cannot name a non-UTF-8 file to delete it; the shell can.
        using (var remove = Process.Start(new ProcessStartInfo("/bin/rm", ["-rf", _folder.Path])))
        {
            remove?.WaitForExit();
        }

        _folder.Dispose();
    }
}
