using DocRag.Core.Generation.Probe;
using DocRag.TestSupport;

namespace DocRag.Core.Tests.Generation.Probe;

public sealed class ModelProbeCacheTests
{
    private static readonly ModelProbeFacts Facts = new("llama", "n", "d", 1, 2, "AllF32", 512, 2, 768, "SentencePiece", null);

    [Fact]
    public void Add_ThenNewCacheOnSameFile_RemembersResult()
    {
        using var dir = new TempDirectory();
        var model = dir.WriteText("m.gguf", "x");
        var file = dir.Combine("cache", "probes.json");
        var stamp = ModelFileStamp.Of(model);

        new ModelProbeCache(file).Add(stamp, Facts);

        Assert.True(new ModelProbeCache(file).TryGet(stamp, out var facts));
        Assert.Equal(Facts, facts);
    }

    [Fact]
    public void TryGet_FileChanged_Misses()
    {
        using var dir = new TempDirectory();
        var model = dir.WriteText("m.gguf", "x");
        var cache = new ModelProbeCache();
        cache.Add(ModelFileStamp.Of(model), Facts);

        File.WriteAllText(model, "a longer file");

        Assert.False(cache.TryGet(ModelFileStamp.Of(model), out _));
    }

    [Fact]
    public void TryGet_DamagedCacheFile_IsIgnored()
    {
        using var dir = new TempDirectory();
        var model = dir.WriteText("m.gguf", "x");
        var file = dir.WriteText("probes.json", "{ not json");

        Assert.False(new ModelProbeCache(file).TryGet(ModelFileStamp.Of(model), out _));
    }
}
