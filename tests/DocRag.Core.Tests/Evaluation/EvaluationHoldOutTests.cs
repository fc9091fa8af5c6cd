using DocRag.Core.Evaluation;
using DocRag.TestSupport.Evaluation;

namespace DocRag.Core.Tests.Evaluation;

public sealed class EvaluationHoldOutTests
{
    [Fact]
    public void Apply_Squad_LeavesOutEveryOtherArticleAndItsQuestionsExpectNoAnswer()
    {
        var set = EvaluationHoldOut.Apply(SquadLoader.Load(EvaluationFixtures.SquadFile), EvaluationKind.Squad);

        Assert.Equal(["1.1", "1.2"], set.Documents.Select(d => d.Id));
        Assert.Equal(["p1", "p2"], set.Queries.Where(q => q.Relevant.Count > 0).Select(q => q.Id));
        Assert.All(set.Queries.Where(q => q.Id.StartsWith('s')), q => Assert.Equal((0, 0), (q.Relevant.Count, q.Answers.Count)));
    }

    [Fact]
    public void Apply_Beir_DropsTheRelevantDocumentsOfEveryOtherQuery()
    {
        EvaluationSet set = new(
            "s",
            [new("a", null, "x"), new("b", null, "y"), new("c", null, "z"), new("d", null, "w")],
            [
                new("q1", "one", new Dictionary<string, int> { ["a"] = 1 }, []),
                new("q2", "two", new Dictionary<string, int> { ["b"] = 1 }, []),
                new("q3", "three", new Dictionary<string, int> { ["b"] = 1, ["c"] = 1 }, []),
                new("q4", "four", new Dictionary<string, int> { ["d"] = 1 }, []),
            ]);

        var held = EvaluationHoldOut.Apply(set, EvaluationKind.Beir);

        Assert.Equal(["a", "c"], held.Documents.Select(d => d.Id));
        Assert.Equal([("q1", 1), ("q2", 0), ("q3", 1), ("q4", 0)], held.Queries.Select(q => (q.Id, q.Relevant.Count)));
        Assert.Equal(["c"], held.Queries.Single(q => q.Id == "q3").Relevant.Keys);
    }
}
