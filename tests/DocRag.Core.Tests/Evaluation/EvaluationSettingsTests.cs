using DocRag.Core.Evaluation;
using DocRag.Core.Retrieval;

namespace DocRag.Core.Tests.Evaluation;

public sealed class EvaluationSettingsTests
{
    private static readonly EvaluationSettings Keyword = EvaluationSettings.Default(SearchMode.Keyword);

    [Fact]
    public void Parse_ModeAndShortKeys_BecomeFullKeys()
    {
        var settings = EvaluationSettings.Parse("mode=hybrid+titleWeight=2.5+ chunkTokens=200 ", Keyword);

        Assert.Equal("mode=hybrid+titleWeight=2.5+ chunkTokens=200", settings.Label);
        Assert.Equal(SearchMode.Hybrid, settings.Mode);
        Assert.Equal("2.5", settings.Configuration["DocRag:Retrieval:TitleWeight"]);
        Assert.Equal("200", settings.Configuration["DocRag:Ingestion:ChunkTokens"]);
        Assert.True(settings.ChangesIndexing);
    }

    [Fact]
    public void Parse_KeepsTheBaselineAndOverridesIt()
    {
        var baseline = Keyword.With(["titleWeight=4", "proximityWeight=0"]);

        var settings = EvaluationSettings.Parse("titleWeight=1", baseline);

        Assert.Equal(SearchMode.Keyword, settings.Mode);
        Assert.Equal("1", settings.Configuration["DocRag:Retrieval:TitleWeight"]);
        Assert.Equal("0", settings.Configuration["DocRag:Retrieval:ProximityWeight"]);
        Assert.False(settings.ChangesIndexing);
    }

    [Theory]
    [InlineData("Embedding:Model=e5", "DocRag:Embedding:Model")]
    [InlineData("DocRag:Answering:TopK=3", "DocRag:Answering:TopK")]
    [InlineData("MAXCHUNKSPERDOCUMENT=2", "DocRag:Retrieval:MaxChunksPerDocument")]
    public void Parse_SectionAndFullKeys_AreKept(string text, string key)
    {
        Assert.Contains(key, EvaluationSettings.Parse(text, Keyword).Configuration.Keys);
    }

    [Fact]
    public void Parse_AutoMode_IsNull()
    {
        Assert.Null(EvaluationSettings.Parse("mode=auto", Keyword).Mode);
    }

    [Theory]
    [InlineData("titleWeight", "is not a setting: write key=value")]
    [InlineData("mode=fuzzy", "unknown search mode 'fuzzy'")]
    [InlineData("mode=1", "unknown search mode '1'")]
    [InlineData("colour=blue", "unknown setting 'colour'")]
    [InlineData("model=x", "the setting 'model' is ambiguous: write one of Embedding:Model, Generation:Model")]
    public void Parse_BadSetting_SaysWhy(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => EvaluationSettings.Parse(text, Keyword));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
