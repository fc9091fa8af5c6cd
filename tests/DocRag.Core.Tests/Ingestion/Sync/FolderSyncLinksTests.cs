using DocRag.Core.Ingestion.Sync;
using DocRag.Core.Storage;
using DocRag.Core.Text;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Ingestion.Sync;

/// <summary>
/// Links out of a collection's folder (issue 16, case 1): <c>alpha/betalink -> beta</c> and a file link to a file
/// outside every collection are listed failed with <c>outside folder</c> and a reason, never read or indexed as alpha's;
/// a link that stays inside the folder is still followed.
/// </summary>
public sealed class FolderSyncLinksTests : IDisposable
{
    private readonly TempDirectory _root = new("docrag-links");
    private readonly SyncHarness _index = new();

    [Fact]
    public async Task SyncAsync_LinksOutOfTheFolder_ListedFailedWithReasonNotFollowed()
    {
        var alpha = Directory.CreateDirectory(_root.Combine("alpha")).FullName;
        _root.WriteText("alpha/own.md", "# Own\n\nAlpha's own walrus notes.");
        _root.WriteText("alpha/inner/deep.md", "# Deep\n\nInside alpha, reached by a link too.");
        _root.WriteText("beta/secret.md", "# Secret\n\nBeta's confidential penguin figures.");
        _root.WriteText("elsewhere/outside.txt", "Outside every collection: narwhal data.");
        Directory.CreateSymbolicLink(Path.Combine(alpha, "betalink"), _root.Combine("beta"));
        File.CreateSymbolicLink(Path.Combine(alpha, "linked.txt"), _root.Combine("elsewhere", "outside.txt"));
        Directory.CreateSymbolicLink(Path.Combine(alpha, "alink"), Path.Combine(alpha, "inner")); // inside: followed (once)

        var report = await _index.SyncAsync(alpha, collection: "alpha");
        var again = await _index.SyncAsync(alpha, collection: "alpha");

        var documents = (await _index.Store.ListDocumentsAsync(new DocumentQuery(Limit: 100))).Items.ToDictionary(d => Path.GetRelativePath(alpha, d.Path));
        Assert.Equal(["betalink", "inner/deep.md", "linked.txt", "own.md"], documents.Keys.Order(StringComparer.Ordinal));
        foreach (var refused in new[] { "betalink", "linked.txt" })
        {
            Assert.Equal((DocumentStatus.Failed, "outside folder"), (documents[refused].Status, documents[refused].Error));
            Assert.Contains("does not follow", documents[refused].Reason, StringComparison.Ordinal);
        }

        Assert.Equal(DocumentStatus.Indexed, documents["own.md"].Status);
        Assert.Empty(await _index.Store.FullTextSearchAsync(new FullTextQuery(SearchText.ForQuery("penguin")!.MatchAny)));
        Assert.Empty(await _index.Store.FullTextSearchAsync(new FullTextQuery(SearchText.ForQuery("narwhal")!.MatchAny)));
        Assert.Equal((2, 4), (report.Failed, again.Unchanged));
    }

    [Fact]
    public void Scan_LinkLoopOutOfTheFolder_ListedOnceAndTerminates()
    {
        var alpha = Directory.CreateDirectory(_root.Combine("alpha")).FullName;
        _root.WriteText("alpha/a.md", "a");
        Directory.CreateSymbolicLink(Path.Combine(alpha, "up"), _root.Path); // the parent holds alpha itself

        var files = FolderScanner.Scan(alpha, maxDepth: 64);

        Assert.Equal([(Path.Combine(alpha, "a.md"), null), (Path.Combine(alpha, "up"), ScannedFile.OutsideReason)], files.Select(f => (f.Path, f.Refused)));
    }

    public void Dispose()
    {
        _index.Dispose();
        _root.Dispose();
    }
}
