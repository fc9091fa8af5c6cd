using DocRag.Native.Llama;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;

namespace DocRag.Native.Tests.Llama;

public sealed class LlamaContextTests
{
    [SharedModelsFact]
    public void Decode_Stories260KGreedy_ContinuesOnceUponATime()
    {
        using var model = LlamaModel.Load(TestEnvironment.ModelFile("stories260K", "stories260K.gguf"));
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 256, Threads = 1 });
        using var sampler = LlamaSampler.Create(LlamaSamplingSettings.Greedy, model.Vocabulary);

        var text = Generate(model, context, sampler, "Once upon a time", 20);

        Assert.StartsWith(", there was a little girl named Lily.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_SameSeed_SameTokens()
    {
        using var dir = new TempDirectory();
        using var model = LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path));
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 128 });
        var settings = new LlamaSamplingSettings { Temperature = 1.0f, Seed = 7 };

        string Run()
        {
            context.ClearMemory();
            using var sampler = LlamaSampler.Create(settings, model.Vocabulary);
            return Generate(model, context, sampler, "the little girl", 16);
        }

        var first = Run();

        Assert.NotEmpty(first);
        Assert.Equal(first, Run());
    }

    [Fact]
    public void Decode_PromptLargerThanContext_ThrowsWithoutDecoding()
    {
        using var dir = new TempDirectory();
        using var model = LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path));
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 32 });

        var tooMany = new int[context.ContextSize + 1]; // llama.cpp may round the size up, so ask it
        var ex = Assert.Throws<LlamaException>(() => context.Decode(tooMany));

        Assert.Contains("do not fit", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, context.Position);
    }

    [Fact]
    public void Decode_LongPromptInSeveralBatches_AdvancesPosition()
    {
        using var dir = new TempDirectory();
        using var model = LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path));
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 256, BatchSize = 16 });
        var tokens = Enumerable.Range(10, 100).ToArray();

        context.Decode(tokens);

        Assert.Equal(100, context.Position);
        context.ClearMemory();
        Assert.Equal(0, context.Position);
    }

    [Fact]
    public void Decode_CancelledToken_ThrowsAndClearsMemory()
    {
        using var dir = new TempDirectory();
        using var model = LlamaModel.Load(TestLlamaModel.WriteTiny(dir.Path));
        using var context = model.CreateContext(new LlamaContextOptions { ContextSize = 64 });
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => context.Decode([1, 2, 3], cts.Token));
        Assert.Equal(0, context.Position);
    }

    private static string Generate(LlamaModel model, LlamaContext context, LlamaSampler sampler, string prompt, int count)
    {
        context.Decode(model.Vocabulary.Tokenize(prompt, addSpecial: true, parseSpecial: false));
        var bytes = new List<byte>();
        for (var i = 0; i < count; i++)
        {
            var token = context.Sample(sampler);
            if (model.Vocabulary.IsEndOfGeneration(token))
            {
                break;
            }

            bytes.AddRange(model.Vocabulary.GetPiece(token));
            context.Decode([token]);
        }

        return System.Text.Encoding.UTF8.GetString([.. bytes]);
    }
}
