using DocRag.Native.Llama;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaSamplerTests
{
    [Fact]
    public void Create_FullSettings_ChainsEverySampler()
    {
        using var model = LoadTiny(out var dir);
        using var _ = dir;
        var settings = new LlamaSamplingSettings { Temperature = 0.7f, TopK = 20, TopP = 0.9f, MinP = 0.05f, RepeatPenalty = 1.1f, Seed = 1 };

        using var sampler = LlamaSampler.Create(settings, model.Vocabulary);

        Assert.Equal(6, sampler.Length); // penalties, top-k, top-p, min-p, temperature, dist
    }

    [Fact]
    public void Create_Greedy_IsOneSampler()
    {
        using var model = LoadTiny(out var dir);
        using var _ = dir;

        using var sampler = LlamaSampler.Create(LlamaSamplingSettings.Greedy, model.Vocabulary);

        Assert.Equal(1, sampler.Length);
    }

    [Fact]
    public void Sample_Greedy_IsDeterministicAcrossContexts()
    {
        using var model = LoadTiny(out var dir);
        using var _ = dir;
        var prompt = model.Vocabulary.Tokenize("Once upon a time", addSpecial: true, parseSpecial: false);

        int First()
        {
            using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 64 });
            using var sampler = LlamaSampler.Create(LlamaSamplingSettings.Greedy, model.Vocabulary);
            context.Decode(prompt);
            return context.Sample(sampler);
        }

        Assert.Equal(First(), First());
    }

    private static LlamaModel LoadTiny(out TempDirectory dir)
    {
        dir = new TempDirectory();
        return LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path));
    }
}
