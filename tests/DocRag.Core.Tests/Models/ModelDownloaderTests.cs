using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

public sealed partial class ModelDownloaderTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _models = new("docrag-models");
    private HuggingFaceTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HuggingFaceTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task PullAsync_DownloadsEveryFileAndWritesTheManifest()
    {
        var model = new TestModel();
        model.ServeOn(_server);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);

        var result = await downloader.PullAsync(model.Model, _models.Path);

        Assert.Equal(_models.Combine(model.Model.Name), result.Directory);
        Assert.All(result.Files, f => Assert.Equal(FilePullOutcome.Downloaded, f.Outcome));
        foreach (var (path, content) in model.Files)
        {
            Assert.Equal(content, await File.ReadAllBytesAsync(_models.Combine(model.Model.Name, path)));
        }

        Assert.Equal(TestModel.Sha256(model.Graph), result.Files[0].Sha256);
        Assert.Empty(Directory.EnumerateFiles(_models.Path, "*.part", SearchOption.AllDirectories));
        var manifest = ModelManifest.TryRead(result.Directory);
        Assert.NotNull(manifest);
        Assert.Equal("onnx/model.onnx", manifest.PrimaryFile);
        Assert.Equal("passage: ", manifest.Embedding?.PassagePrefix);
        Assert.Equal(TestModel.Revision, manifest.Revision);
    }

    [Fact]
    public async Task PullAsync_ReportsProgressUpToEachFilesSize()
    {
        var model = new TestModel();
        model.ServeOn(_server);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);
        var progress = new RecordingProgress();

        await downloader.PullAsync(model.Model, _models.Path, progress);

        var reports = progress.Reports;
        foreach (var (path, content) in model.Files)
        {
            var mine = reports.Where(r => r.File == path).ToList();
            Assert.Contains(mine, r => r.Stage == ModelDownloadStage.Downloading && r.BytesTotal == content.Length);
            Assert.Contains(mine, r => r.Stage == ModelDownloadStage.Downloading && r.BytesDone == content.Length);
            Assert.Equal(ModelDownloadStage.Done, mine[^1].Stage);
            Assert.Equal(content.Length, mine[^1].BytesDone);
            var downloading = mine.Where(r => r.Stage == ModelDownloadStage.Downloading).Select(r => r.BytesDone).ToList();
            Assert.Equal(downloading.Order(), downloading);
        }

        Assert.All(reports, r => Assert.Equal(3, r.FileCount));
        Assert.Equal([0, 1, 2], reports.Select(r => r.FileIndex).Distinct());
    }

    [Fact]
    public async Task PullAsync_ResumesAfterTheConnectionDropsMidFile()
    {
        var model = new TestModel();
        model.ServeOn(_server, new ServeOptions(DropAfterBytesOnFirstRequest: 100_000));
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);

        var result = await downloader.PullAsync(model.Model, _models.Path);

        Assert.Equal(model.Graph, await File.ReadAllBytesAsync(result.Files[0].Path));
        var requests = _server.RequestsFor("onnx/model.onnx");
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Range);
        Assert.Equal(206, requests[1].StatusCode);
        var resumedAt = long.Parse(requests[1].Range!["bytes=".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(resumedAt, 1, 100_000);
    }

    [Fact]
    public async Task PullAsync_ResumesThroughTheHubsRedirect()
    {
        var model = new TestModel();
        model.ServeOn(_server, new ServeOptions(DropAfterBytesOnFirstRequest: 50_000, RedirectToCdn: true));
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);

        var result = await downloader.PullAsync(model.Model, _models.Path);

        Assert.Equal(model.Graph, await File.ReadAllBytesAsync(result.Files[0].Path));
        var cdn = _server.RequestsFor("onnx/model.onnx").Where(r => r.Path.StartsWith("/cdn/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, cdn.Count);
        Assert.NotNull(cdn[1].Range);
        Assert.Equal(206, cdn[1].StatusCode);
    }

    [Fact]
    public async Task PullAsync_StartsOverWhenTheServerIgnoresRange()
    {
        var model = new TestModel();
        model.ServeOn(_server, new ServeOptions(IgnoreRange: true));
        var part = _models.Combine(model.Model.Name, "onnx", "model.onnx.part");
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        await File.WriteAllBytesAsync(part, new byte[40_000]); // not the file's first bytes: appending would corrupt it
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);

        var result = await downloader.PullAsync(model.Model, _models.Path);

        Assert.Equal(model.Graph, await File.ReadAllBytesAsync(result.Files[0].Path));
        var request = Assert.Single(_server.RequestsFor("onnx/model.onnx"));
        Assert.Equal("bytes=40000-", request.Range);
        Assert.Equal(200, request.StatusCode);
        Assert.False(File.Exists(part));
    }
}
