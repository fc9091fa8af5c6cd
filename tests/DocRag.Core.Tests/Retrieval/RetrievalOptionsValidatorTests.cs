using DocRag.Core.Retrieval;

namespace DocRag.Core.Tests.Retrieval;

public sealed class RetrievalOptionsValidatorTests
{
    private static IEnumerable<string> Failures(RetrievalOptions options) =>
        new RetrievalOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new RetrievalOptionsValidator().Validate(null, new RetrievalOptions()).Succeeded);
    }

    [Theory]
    [InlineData("RrfK")]
    [InlineData("KeywordCandidates")]
    [InlineData("MaxChunksPerDocument")]
    [InlineData("NearDuplicateThreshold")]
    [InlineData("TitleWeight")]
    [InlineData("VectorSearchThreads")]
    [InlineData("KeywordRowBudget")]
    public void Validate_OutOfRange_NamesTheSetting(string setting)
    {
        var options = new RetrievalOptions();
        switch (setting)
        {
            case "RrfK": options.RrfK = -1; break;
            case "KeywordCandidates": options.KeywordCandidates = 0; break;
            case "MaxChunksPerDocument": options.MaxChunksPerDocument = -2; break;
            case "NearDuplicateThreshold": options.NearDuplicateThreshold = 0.3; break;
            case "TitleWeight": options.TitleWeight = double.NaN; break;
            case "VectorSearchThreads": options.VectorSearchThreads = -1; break;
            case "KeywordRowBudget": options.KeywordRowBudget = 50; break;
        }

        var failure = Assert.Single(Failures(options));
        Assert.Contains($"DocRag:Retrieval:{setting}", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BothFusionWeightsZero_Fails()
    {
        Assert.Contains(Failures(new RetrievalOptions { KeywordWeight = 0, VectorWeight = 0 }), f => f.Contains("cannot both be 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NearDuplicateOff_Succeeds()
    {
        Assert.Empty(Failures(new RetrievalOptions { NearDuplicateThreshold = 0 }));
    }
}
