using DocRag.Core.Models;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Models;

public sealed class ModelManifestTests : IDisposable
{
    private readonly TempDirectory _folder = new("docrag-manifest");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WriteAsync_RoundTripsThroughTryRead()
    {
        var model = ModelCatalog.Default.Find("multilingual-e5-small")!;

        await ModelManifest.FromCatalog(model).WriteAsync(_folder.Path);
        var read = ModelManifest.TryRead(_folder.Path);

        Assert.NotNull(read);
        Assert.Equal(model.Name, read.Name);
        Assert.Equal(ModelRole.Embedding, read.Role);
        Assert.Equal(model.Embedding! with { Languages = null }, read.Embedding! with { Languages = null });
        Assert.Equal(["*"], read.Embedding.Languages);
        Assert.Equal(model.Files.Count, read.Files.Count);
        Assert.False(File.Exists(_folder.Combine(ModelManifest.FileName + ".part")));
    }

    [Fact]
    public async Task WriteAsync_UsesCamelCaseAndLowerCaseRoles()
    {
        await ModelManifest.FromCatalog(ModelCatalog.Default.Find("qwen2.5-0.5b-instruct-q4_k_m")!).WriteAsync(_folder.Path);

        var json = await File.ReadAllTextAsync(_folder.Combine(ModelManifest.FileName));

        Assert.Contains("\"role\": \"generator\"", json, StringComparison.Ordinal);
        Assert.Contains("\"chatTemplate\": \"chatml\"", json, StringComparison.Ordinal);
        Assert.Contains("\"primaryFile\": \"qwen2.5-0.5b-instruct-q4_k_m.gguf\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"embedding\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_FolderWithoutManifestGivesNull() => Assert.Null(ModelManifest.TryRead(_folder.Path));

    [Fact]
    public void TryRead_MalformedManifestIsAClearError()
    {
        _folder.WriteText(ModelManifest.FileName, "{ not json");

        var error = Assert.Throws<InvalidDataException>(() => ModelManifest.TryRead(_folder.Path));

        Assert.Contains(ModelManifest.FileName, error.Message, StringComparison.Ordinal);
    }
}
