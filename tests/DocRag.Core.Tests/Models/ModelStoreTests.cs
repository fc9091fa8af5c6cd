using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

public sealed class ModelStoreTests : IDisposable
{
    private readonly TempDirectory _models = new("docrag-models");
    private readonly TestModel _model = new();
    private readonly TestModel _other = new("other-embedder", graphBytes: 1_000);
    private readonly ModelStore _store;

    public ModelStoreTests() => _store = new ModelStore(new ModelCatalog([_model.Model, _other.Model]), _models.Path);

    public void Dispose() => _models.Dispose();

    [Fact]
    public async Task VerifyAsync_IntactModelIsOk()
    {
        _model.WriteInto(_models.Path);

        var result = await _store.VerifyAsync(_model.Model);

        Assert.Equal(ModelVerificationState.Ok, result.State);
        Assert.All(result.Files, f => Assert.Equal(FileVerificationState.Ok, f.State));
    }

    [Fact]
    public async Task VerifyAsync_DetectsAFileCorruptedInPlace()
    {
        _model.WriteInto(_models.Path);
        var graph = _models.Combine(_model.Model.Name, "onnx", "model.onnx");
        var bytes = await File.ReadAllBytesAsync(graph);
        bytes[1234] ^= 0x01; // same size: only the hash can tell
        await File.WriteAllBytesAsync(graph, bytes);

        var result = await _store.VerifyAsync(_model.Model);

        Assert.Equal(ModelVerificationState.Corrupt, result.State);
        var file = result.Files[0];
        Assert.Equal(FileVerificationState.Corrupt, file.State);
        Assert.Contains(TestModel.Sha256(bytes), file.Detail, StringComparison.Ordinal);
        Assert.Equal(FileVerificationState.Ok, result.Files[1].State);
    }

    [Fact]
    public async Task VerifyAsync_ReportsMissingAndTruncatedFiles()
    {
        _model.WriteInto(_models.Path);
        File.Delete(_models.Combine(_model.Model.Name, "tokenizer.json"));
        await File.WriteAllBytesAsync(_models.Combine(_model.Model.Name, "tokenizer.json.part"), [1, 2, 3]);

        var missing = await _store.VerifyAsync(_model.Model);
        File.WriteAllBytes(_models.Combine(_model.Model.Name, "config.json"), [1]);
        var truncated = await _store.VerifyAsync(_model.Model);

        Assert.Equal(ModelVerificationState.Missing, missing.State);
        Assert.Equal(FileVerificationState.Missing, missing.Files[1].State);
        Assert.Contains("3 bytes", missing.Files[1].Detail, StringComparison.Ordinal);
        Assert.Equal(ModelVerificationState.Corrupt, truncated.State);
        Assert.Contains("1 bytes, expected", truncated.Files[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FileWithoutAPinnedHashIsUnpinnedNotOk()
    {
        var model = new TestModel(pinConfig: false);
        model.WriteInto(_models.Path);
        var store = new ModelStore(new ModelCatalog([model.Model]), _models.Path);

        var result = await store.VerifyAsync(model.Model);

        Assert.Equal(ModelVerificationState.Unpinned, result.State);
        Assert.Equal(FileVerificationState.Unpinned, result.Files[2].State);
        Assert.Contains("not pinned", result.Files[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ModelNeverPulledIsNotDownloaded()
    {
        var result = await _store.VerifyAsync(_other.Model);

        Assert.Equal(ModelVerificationState.NotDownloaded, result.State);
    }

    [Fact]
    public void GetStatuses_MarksDownloadedAndPartialModels()
    {
        _model.WriteInto(_models.Path);
        var otherPart = _models.Combine(_other.Model.Name, "onnx", "model.onnx.part");
        Directory.CreateDirectory(Path.GetDirectoryName(otherPart)!);
        File.WriteAllBytes(otherPart, [1, 2]);

        var statuses = _store.GetStatuses();

        Assert.Equal(ModelInstallState.Downloaded, statuses[0].State);
        Assert.Equal(3, statuses[0].FilesPresent);
        Assert.Equal(_model.Files.Sum(f => (long)f.Content.Length), statuses[0].BytesPresent);
        Assert.Equal(ModelInstallState.Partial, statuses[1].State);
        Assert.Equal(ModelInstallState.NotDownloaded, new ModelStore(_store.Catalog, _models.Combine("empty")).GetStatuses()[0].State);
    }

    [Fact]
    public void FindUnknownModels_FindsOnnxFoldersAndGgufFilesOutsideTheCatalog()
    {
        _model.WriteInto(_models.Path);
        WriteFile("my-embedder/onnx/model_quantized.onnx", 10);
        WriteFile("plain-embedder/model.onnx", 20);
        WriteFile("chat.gguf", 30);
        WriteFile("phi/phi-mini.Q4_K_M.gguf", 40);
        WriteFile("half.gguf.part", 50);
        WriteFile("notes/readme.txt", 60);

        var unknown = _store.FindUnknownModels();

        Assert.Equal(
            [("chat", LocalModelFormat.Gguf, 30L), ("my-embedder", LocalModelFormat.Onnx, 10L), ("phi", LocalModelFormat.Gguf, 40L),
                ("plain-embedder", LocalModelFormat.Onnx, 20L)],
            unknown.Select(m => (m.Name, m.Format, m.Bytes)));
        Assert.Equal(_models.Combine("phi", "phi-mini.Q4_K_M.gguf"), unknown[2].Path);
        Assert.Equal(_models.Combine("my-embedder"), unknown[1].Path);
    }

    [Fact]
    public void FindUnknownModels_MissingFolderHasNone() =>
        Assert.Empty(new ModelStore(_store.Catalog, _models.Combine("absent")).FindUnknownModels());

    private void WriteFile(string relative, int bytes)
    {
        var path = _models.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
    }
}
