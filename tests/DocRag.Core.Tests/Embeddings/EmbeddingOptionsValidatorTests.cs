using DocRag.Core.Embeddings;

namespace DocRag.Core.Tests.Embeddings;

public sealed class EmbeddingOptionsValidatorTests
{
    private readonly EmbeddingOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new EmbeddingOptions()).Succeeded);
    }

    [Theory]
    [InlineData("cpu", OnnxExecutionProvider.Cpu)]
    [InlineData("CUDA", OnnxExecutionProvider.Cuda)]
    [InlineData("Auto", OnnxExecutionProvider.Auto)]
    [InlineData("", OnnxExecutionProvider.Auto)]
    public void TryParseProvider_KnownValues_Parse(string value, OnnxExecutionProvider expected)
    {
        Assert.True(EmbeddingOptionsValidator.TryParseProvider(value, out var provider));
        Assert.Equal(expected, provider);
    }

    [Fact]
    public void Validate_BadValues_NameEachSetting()
    {
        var result = _validator.Validate(null, new EmbeddingOptions { ExecutionProvider = "tpu", BatchSize = 0, IntraOpThreads = 0, MaxSequenceLength = 1 });

        Assert.True(result.Failed);
        Assert.Contains("DocRag:Embedding:ExecutionProvider", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DocRag:Embedding:BatchSize", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DocRag:Embedding:IntraOpThreads", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DocRag:Embedding:MaxSequenceLength", result.FailureMessage, StringComparison.Ordinal);
    }
}
