using DocRag.Core.Evaluation;
using DocRag.TestSupport;
using DocRag.TestSupport.Evaluation;

namespace DocRag.Core.Tests.Evaluation;

public sealed class QaSetLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("docrag-qa");

    [Fact]
    public void Load_Fixture_ReadsPathsPagesAnswersAndUnanswerable()
    {
        var questions = QaSetLoader.Load(EvaluationFixtures.QaQuestions);

        Assert.Equal(5, questions.Count);
        Assert.Equal(new QaQuestion(1, "How tall is the Eiffel Tower?", "en/towers.md", 1, "330 metres"), questions[0]);
        Assert.Equal(new QaQuestion(3, "Why do bee colonies collapse?", null, null, "pesticides and varroa mites"), questions[2]);
        Assert.False(questions[2].ExpectsNoAnswer);
        Assert.True(questions[3].ExpectsNoAnswer);
    }

    [Fact]
    public void Load_OtherFieldNamesAndBackslashes_AreAccepted()
    {
        var file = _dir.WriteText("q.jsonl", "{\"question\": \" Where? \", \"expectedPath\": \"docs\\\\a.pdf\", \"page\": \"3\", \"expected_answer\": \"here\"}\n\n");

        var question = Assert.Single(QaSetLoader.Load(file));

        Assert.Equal(new QaQuestion(1, "Where?", "docs/a.pdf", 3, "here"), question);
    }

    [Theory]
    [InlineData("{\"expected_path\": \"a.md\"}", "line 1: no question")]
    [InlineData("{\"question\": \"q\", \"expected_page\": 2}", "line 1: expected_page needs expected_path")]
    [InlineData("{\"question\": \"q\", \"expected_path\": \"a.md\", \"expected_page\": 0}", "line 1: expected_page must be 1 or more")]
    [InlineData("{\"question\": \"q\", \"expected_page\": \"two\", \"expected_path\": \"a\"}", "line 1: 'expected_page' must be a whole number")]
    [InlineData("{\"question\": [\"q\"]}", "line 1: 'question' must be a string")]
    [InlineData("\"just text\"", "line 1: expected a JSON object")]
    [InlineData("\n\n", "no questions")]
    public void Load_Malformed_SaysWhat(string content, string message)
    {
        var file = _dir.WriteText("q.jsonl", content);

        var error = Assert.Throws<EvaluationDataException>(() => QaSetLoader.Load(file));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
