using DocRag.Core.Evaluation;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;

namespace DocRag.Core.Tests.Evaluation;

public sealed class SquadLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-squad");

    [Fact]
    public void Load_Fixture_EachParagraphIsADocumentWithItsQuestions()
    {
        var set = SquadLoader.Load(EvaluationFixtures.SquadFile);

        Assert.Equal("tiny-squad", set.Name);
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], set.Documents.Select(d => d.Id));
        Assert.All(set.Documents, d => Assert.Null(d.Title));
        Assert.StartsWith("The Eiffel Tower is 330 metres tall.", set.Documents[0].Text, StringComparison.Ordinal);
        Assert.Equal(5, set.Queries.Count);
        var louvre = set.Queries.Single(q => q.Id == "p2");
        Assert.Equal(["1.2"], louvre.Relevant.Keys);
        Assert.Equal(["the Mona Lisa", "Mona Lisa"], louvre.Answers);
    }

    [Fact]
    public void Load_ImpossibleQuestion_ExpectsNoAnswer()
    {
        var set = SquadLoader.Load(EvaluationFixtures.SquadFile);

        var impossible = set.Queries.Single(q => q.Id == "p3");

        Assert.Empty(impossible.Relevant);
        Assert.Empty(impossible.Answers);
    }

    [Theory]
    [InlineData("[1, 2]", "expected a SQuAD object with a 'data' array")]
    [InlineData("{\"data\": [{\"title\": \"x\"}]}", "article 1: expected a 'paragraphs' array")]
    [InlineData("{\"data\": [{\"paragraphs\": [{\"context\": \"c\", \"qas\": [{\"answers\": []}]}]}]}", "article 1, paragraph 1: expected a 'question' string")]
    [InlineData("{\"data\": [", "not valid JSON")]
    public void Load_Malformed_SaysWhere(string json, string message)
    {
        var file = _dir.WriteText("bad.json", json);

        var error = Assert.Throws<EvaluationDataException>(() => SquadLoader.Load(file));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => SquadLoader.Load(_dir.Combine("absent.json")));
    }

    public void Dispose() => _dir.Dispose();
}
