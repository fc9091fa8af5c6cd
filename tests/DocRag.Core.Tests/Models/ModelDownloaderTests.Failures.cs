using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

public sealed partial class ModelDownloaderTests
{
    [Fact]
    public async Task PullAsync_HashMismatchFailsAndLeavesNoFile()
    {
        var model = new TestModel();
        model.ServeOn(_server);
        var tampered = model.Graph.ToArray();
        tampered[^1] ^= 0xFF;
        _server.Serve(TestModel.Repository, TestModel.Revision, "onnx/model.onnx", tampered);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(model.Model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.Corrupt, error.Kind);
        Assert.Contains("sha256 mismatch for onnx/model.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestModel.Sha256(tampered), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(_models.Combine(model.Model.Name, "onnx", "model.onnx")));
        Assert.False(File.Exists(_models.Combine(model.Model.Name, "onnx", "model.onnx.part")));
    }

    [Fact]
    public async Task PullAsync_FileOfAnotherSizeFailsWithoutRetrying()
    {
        var model = new TestModel();
        model.ServeOn(_server);
        _server.Serve(TestModel.Repository, TestModel.Revision, "onnx/model.onnx", model.Graph[..1000]);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl, maxRetries: 5);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(model.Model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.Corrupt, error.Kind);
        Assert.Contains($"is 1000 bytes but the catalog pins {model.Graph.Length}", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.RequestsFor("onnx/model.onnx"));
        Assert.False(File.Exists(_models.Combine(model.Model.Name, "onnx", "model.onnx.part")));
    }

    [Fact]
    public async Task PullAsync_MissingFileFailsWithTheUrlAnd404()
    {
        var model = new TestModel();
        _server.Serve(TestModel.Repository, TestModel.Revision, "tokenizer.json", model.Tokenizer);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(model.Model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.NotFound, error.Kind);
        Assert.Contains($"{TestModel.Repository}/resolve/{TestModel.Revision}/onnx/model.onnx", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.RequestsFor("onnx/model.onnx")); // a 404 is not retried
    }

    [Fact]
    public async Task PullAsync_UnreachableHostFailsFastWithOneLine()
    {
        var model = new TestModel();
        // Retrying would wait ten minutes per attempt; the token turns such a hang into a failure, not a pass.
        using var downloader = DownloaderFactory.Create(HuggingFaceTestServer.ClosedPortUrl(), maxRetries: 5, TimeSpan.FromMinutes(10));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var error = await Assert.ThrowsAsync<ModelDownloadException>(
            () => downloader.PullAsync(model.Model, _models.Path, cancellationToken: timeout.Token));

        Assert.Equal(ModelDownloadErrorKind.Unreachable, error.Kind);
        Assert.StartsWith("cannot reach 127.0.0.1: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"DocRag works offline with models you copy into {_models.Path}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(_models.Combine(model.Model.Name, ModelManifest.FileName)));
    }

    [Fact]
    public async Task PullAsync_ServerErrorsAreRetriedAFixedNumberOfTimes()
    {
        var model = new TestModel();
        model.ServeOn(_server, new ServeOptions(StatusCode: 503));
        using var downloader = DownloaderFactory.Create(_server.BaseUrl, maxRetries: 2);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(model.Model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.RetriesExhausted, error.Kind);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.RequestsFor("onnx/model.onnx").Count);
    }

    [Fact]
    public async Task PullAsync_KeepsFilesInPlaceAndReplacesStaleOnes()
    {
        var model = new TestModel();
        model.ServeOn(_server);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);
        await downloader.PullAsync(model.Model, _models.Path);
        var tokenizer = _models.Combine(model.Model.Name, "tokenizer.json");
        await File.WriteAllTextAsync(tokenizer, "{\"model\":{\"type\":\"Tampered\"}}");
        var before = _server.Requests.Count;

        var again = await downloader.PullAsync(model.Model, _models.Path);

        Assert.Equal(FilePullOutcome.AlreadyPresent, again.Files[0].Outcome);
        Assert.Equal(FilePullOutcome.Downloaded, again.Files[1].Outcome);
        Assert.Equal(FilePullOutcome.AlreadyPresent, again.Files[2].Outcome);
        Assert.Equal(model.Tokenizer, await File.ReadAllBytesAsync(tokenizer));
        Assert.Equal(before + 1, _server.Requests.Count);
    }

    [Fact]
    public async Task PullAsync_CancelledPullKeepsItsBytesForTheNextRun()
    {
        var model = new TestModel();
        model.ServeOn(_server);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress(r =>
        {
            if (r is { FileIndex: 0, Stage: ModelDownloadStage.Verifying })
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => downloader.PullAsync(model.Model, _models.Path, progress, cancel.Token));
        var part = _models.Combine(model.Model.Name, "onnx", "model.onnx.part");
        Assert.Equal(model.Graph.Length, new FileInfo(part).Length);

        var result = await downloader.PullAsync(model.Model, _models.Path);

        Assert.Equal(model.Graph, await File.ReadAllBytesAsync(result.Files[0].Path));
        Assert.Single(_server.RequestsFor("onnx/model.onnx")); // the second run only checked and renamed it
        Assert.Equal(model.Graph.Length, result.Files[0].ResumedFrom);
    }

    [Fact]
    public async Task PullAsync_UnpinnedFileIsDownloadedAndReportedAsSuch()
    {
        var model = new TestModel(pinConfig: false);
        model.ServeOn(_server);
        using var downloader = DownloaderFactory.Create(_server.BaseUrl);

        var result = await downloader.PullAsync(model.Model, _models.Path);

        var unpinned = Assert.Single(result.Unpinned);
        Assert.Equal("config.json", unpinned.File.LocalPath);
        Assert.Null(unpinned.Sha256);
        Assert.Equal(model.Config, await File.ReadAllBytesAsync(unpinned.Path));
    }
}
