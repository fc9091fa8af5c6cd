using DocRag.Core.Ingestion.Sync;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Sync;

public sealed class FolderScannerTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-scan");

    [Fact]
    public void Scan_SkipsHiddenAndEditorTempFiles()
    {
        string[] kept = ["a.md", "sub/b.txt", "report.docx"];
        string[] ignored = ["~$report.docx", ".hidden.txt", "notes.txt.swp", "download.pdf.crdownload", "file.part", "x.tmp", ".git/config.txt", "backup.md~", ".~lock.report.docx#"];
        foreach (var name in kept.Concat(ignored))
        {
            _dir.WriteText(name, "x");
        }

        var files = FolderScanner.Scan(_dir.Path, maxDepth: 64);

        Assert.Equal(kept.Select(k => _dir.Combine(k)).Order(StringComparer.Ordinal), files.Select(f => f.Path));
    }

    [Fact]
    public void Scan_SymlinkLoop_TerminatesAndListsEachFileOnce()
    {
        _dir.WriteText("real/doc.md", "x");
        Directory.CreateSymbolicLink(_dir.Combine("real", "loop"), _dir.Combine("real"));
        Directory.CreateSymbolicLink(_dir.Combine("alias"), _dir.Combine("real"));

        var files = FolderScanner.Scan(_dir.Path, maxDepth: 64);

        Assert.Single(files, f => f.Path.EndsWith("doc.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_VeryDeepTree_StopsAtTheDepthLimit()
    {
        var path = _dir.Path;
        for (var i = 0; i < 40; i++)
        {
            path = Path.Combine(path, "d");
            File.WriteAllText(Path.Combine(path.Length > 0 ? Directory.CreateDirectory(path).FullName : path, $"f{i}.txt"), "x");
        }

        Assert.Equal(40, FolderScanner.Scan(_dir.Path, maxDepth: 64).Count);
        Assert.Equal(10, FolderScanner.Scan(_dir.Path, maxDepth: 10).Count);
    }

    [Fact]
    public void Scan_BrokenLinkAndUnreadableFolder_AreSkippedWithoutError()
    {
        _dir.WriteText("ok.txt", "x");
        File.CreateSymbolicLink(_dir.Combine("dangling.txt"), _dir.Combine("missing.txt"));
        var locked = Directory.CreateDirectory(_dir.Combine("locked"));
        File.WriteAllText(Path.Combine(locked.FullName, "inside.txt"), "x");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked.FullName, UnixFileMode.None);
        }

        try
        {
            var files = FolderScanner.Scan(_dir.Path, maxDepth: 64);

            Assert.Contains(files, f => f.Path == _dir.Combine("ok.txt"));
            Assert.DoesNotContain(files, f => f.Path.EndsWith("dangling.txt", StringComparison.Ordinal));
        }
        finally
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(locked.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    public void Dispose() => _dir.Dispose();
}
