using DocRag.Core.Evaluation;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;

namespace DocRag.Core.Tests.Evaluation;

public sealed class BeirLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-beir");

    [Fact]
    public void Load_Fixture_ReadsCorpusAndJudgedQueries()
    {
        var set = BeirLoader.Load(EvaluationFixtures.BeirFolder);

        Assert.Equal("tiny-beir", set.Name);
        Assert.Equal(8, set.Documents.Count);
        Assert.Null(set.Documents.Single(d => d.Id == "d7").Title);
        Assert.Equal("Solar panels on rooftops", set.Documents[0].Title);
        // q5 has no judgement, q6 only a grade-0 one, and d99 is not in the corpus.
        Assert.Equal(["q1", "q2", "q3", "q4"], set.Queries.Select(q => q.Id));
        var q1 = set.Queries[0];
        Assert.Equal("How do rooftop solar panels make electricity?", q1.Text);
        Assert.Equal(new Dictionary<string, int> { ["d1"] = 2, ["d6"] = 1 }, q1.Relevant);
        Assert.Empty(q1.Answers);
    }

    [Fact]
    public void Load_MissingSplit_NamesTheFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BeirLoader.Load(EvaluationFixtures.BeirFolder, "dev"));

        Assert.Contains(Path.Combine("qrels", "dev.tsv"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => BeirLoader.Load(_dir.Combine("absent")));
    }

    [Fact]
    public void Load_BadJsonLine_NamesFileAndLine()
    {
        Write("{\"_id\": \"a\", \"text\": \"one\"}\n{\"_id\": \"b\", \"text\": \n", "{\"_id\": \"q\", \"text\": \"x\"}\n", "q\ta\t1\n");

        var error = Assert.Throws<EvaluationDataException>(() => BeirLoader.Load(_dir.Path));

        Assert.StartsWith("corpus.jsonl line 2: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateDocumentId_Throws()
    {
        Write("{\"_id\": \"a\", \"text\": \"one\"}\n{\"_id\": \"a\", \"text\": \"two\"}\n", "{\"_id\": \"q\", \"text\": \"x\"}\n", "q\ta\t1\n");

        var error = Assert.Throws<EvaluationDataException>(() => BeirLoader.Load(_dir.Path));

        Assert.Contains("line 2: _id a appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JudgedQueryNotInQueries_Throws()
    {
        Write("{\"_id\": \"a\", \"text\": \"one\"}\n", "{\"_id\": \"q\", \"text\": \"x\"}\n", "query-id\tcorpus-id\tscore\nother\ta\t1\n");

        var error = Assert.Throws<EvaluationDataException>(() => BeirLoader.Load(_dir.Path));

        Assert.Contains("query other is not in queries.jsonl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadQrelsLine_NamesTheLine()
    {
        Write("{\"_id\": \"a\", \"text\": \"one\"}\n", "{\"_id\": \"q\", \"text\": \"x\"}\n", "query-id\tcorpus-id\tscore\nq\ta\tvery\n");

        var error = Assert.Throws<EvaluationDataException>(() => BeirLoader.Load(_dir.Path));

        Assert.StartsWith("test.tsv line 2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TrecStyleQrelsAndNumericIds_AreRead()
    {
        Write("{\"_id\": 7, \"title\": null, \"text\": \"seven\"}\n", "{\"_id\": 1, \"text\": \"x\"}\n", "1\t0\t7\t3\n");

        var set = BeirLoader.Load(_dir.Path);

        Assert.Equal("7", set.Documents[0].Id);
        Assert.Equal(3, set.Queries.Single().Relevant["7"]);
    }

    public void Dispose() => _dir.Dispose();

    private void Write(string corpus, string queries, string qrels)
    {
        _dir.WriteText("corpus.jsonl", corpus);
        _dir.WriteText("queries.jsonl", queries);
        _dir.WriteText(Path.Combine("qrels", "test.tsv"), qrels);
    }
}
