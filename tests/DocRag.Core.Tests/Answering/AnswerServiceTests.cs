using DocRag.Core.Answering;
using DocRag.Core.Hosting;
using DocRag.Core.Retrieval;
using DocRag.Core.Tests.Generation;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocRag.Core.Tests.Answering;

public sealed class AnswerServiceTests
{
    internal static readonly SearchHit Warranty = Hits.Make(
        1, "The warranty lasts two years from the date of purchase. Returns are accepted within 30 days.", "Warranty", page: 3, heading: ["Policies", "Warranty"], score: 0.9);

    internal static readonly SearchHit Batteries = Hits.Make(2, "Batteries are covered for one year. Damage from water is not covered.", "Batteries", page: 7, score: 0.6);

    internal static readonly SearchHit Office = Hits.Make(3, "The office opens at nine.", "Office", score: 0.3);

    [Fact]
    public async Task Answer_Generative_CitesTheUsedPassagesInOrderOfFirstUse()
    {
        var client = new ScriptedChatClient("Batteries are covered for one year [2]. ", "The warranty lasts two years [1][2].");
        using var service = Create(client);

        var answer = await service.AnswerAsync(new AnswerRequest("How long are batteries and the product covered?"));

        Assert.Equal("Batteries are covered for one year [2]. The warranty lasts two years [1][2].", answer.Text);
        Assert.Equal((AnswerMode.Generative, false, (NoAnswerReason?)null, 3), (answer.Mode, answer.NoAnswer, answer.NoAnswerReason, answer.Passages));
        Assert.Equal([2, 1], answer.Citations.Select(c => c.N));
        var batteries = answer.Citations[0];
        Assert.Equal((2L, "/docs/doc2.md", "Batteries", 7, "docs"), (batteries.DocumentId.Value, batteries.Path, batteries.Title, batteries.Page, batteries.Collection));
        Assert.Equal("Batteries are covered for one year. Damage from water is not covered.", batteries.Snippet);
        var warranty = answer.Citations[1];
        Assert.Equal(("Policies > Warranty", 3, 0.9), (warranty.Heading, warranty.Page, warranty.Score));
        Assert.Equal(new AnswerUsage(123, 7), answer.Usage);
        Assert.Equal(("scripted-model", "en", "keyword"), (answer.Model, answer.Language, answer.SearchMode));
        Assert.Single(client.Calls);
    }

    [Fact]
    public async Task Answer_CitationToAPassageNotGiven_IsRemovedAndLogged()
    {
        var client = new ScriptedChatClient("The warranty lasts two years [", "1] [", "7]. Water damage is not covered [2", ", 9].");
        var logger = new ListLogger<AnswerService>();
        using var service = Create(client, logger: logger);

        var answer = await service.AnswerAsync(new AnswerRequest("How long is the warranty?"));

        Assert.Equal("The warranty lasts two years [1]. Water damage is not covered [2].", answer.Text);
        Assert.Equal([1, 2], answer.Citations.Select(c => c.N));
        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("7, 9", warning.Message, StringComparison.Ordinal);
        Assert.Contains("only 3 were given", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How long is the warranty on batteries?", "The documents do not contain the answer to this question.", "en")]
    [InlineData("¿Cuánto dura la garantía de las baterías?", "Los documentos no contienen la respuesta a esta pregunta.", "es")]
    [InlineData("How long is the warranty on batteries?", "Sorry, the passages don't contain the answer.", "en")]
    public async Task Answer_NoAnswerSentence_IsRecognised(string question, string reply, string language)
    {
        using var service = Create(new ScriptedChatClient(reply));

        var answer = await service.AnswerAsync(new AnswerRequest(question));

        Assert.True(answer.NoAnswer);
        Assert.Equal(NoAnswerReason.NotInDocuments, answer.NoAnswerReason);
        Assert.Equal(reply, answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Equal(language, answer.Language);
    }

    [Fact]
    public async Task Answer_NoAnswerSentenceWithACitation_IsAPartialAnswer()
    {
        using var service = Create(new ScriptedChatClient("Batteries are covered for one year [2]. The documents do not contain the answer for chargers."));

        var answer = await service.AnswerAsync(new AnswerRequest("How long are batteries and chargers covered?"));

        Assert.False(answer.NoAnswer);
        Assert.Equal([2], answer.Citations.Select(c => c.N));
    }

    [Fact]
    public async Task Answer_NoHits_NoAnswerWithoutCallingTheGenerator()
    {
        var client = new ScriptedChatClient("should not be called");
        using var service = Create(client, Hits.Result());

        var answer = await service.AnswerAsync(new AnswerRequest("¿Dónde está la oficina de Lima?"));

        Assert.Empty(client.Calls);
        Assert.Equal((true, NoAnswerReason.NoPassages, AnswerMode.Generative), (answer.NoAnswer, answer.NoAnswerReason, answer.Mode));
        Assert.Equal("Los documentos no contienen la respuesta a esta pregunta.", answer.Text);
        Assert.Equal(AnswerUsage.None, answer.Usage);
    }

    [Fact]
    public async Task Answer_HitsBelowTheRelevanceFloor_NoAnswerWithoutCallingTheGenerator()
    {
        var client = new ScriptedChatClient("should not be called");
        var vectorOnly = Hits.Make(4, "Unrelated text about gardening.", keywordRank: null, similarity: 0.05, score: 0.9);
        var weak = Hits.Make(5, "The warranty is described elsewhere.", score: 0.01);
        using var service = Create(client, Hits.Result(vectorOnly, weak), new AnsweringOptions { RelevanceFloor = 0.05, MinVectorSimilarity = 0.2 });

        var answer = await service.AnswerAsync(new AnswerRequest("How long is the warranty?"));

        Assert.Empty(client.Calls);
        Assert.Equal((true, NoAnswerReason.BelowRelevanceFloor), (answer.NoAnswer, answer.NoAnswerReason));
    }

    [Fact]
    public async Task Answer_VectorOnlyHitSimilarEnough_IsGivenToTheGenerator()
    {
        var client = new ScriptedChatClient("It lasts two years [1].");
        var similar = Hits.Make(4, "Coverage runs for 24 months.", keywordRank: null, similarity: 0.55);
        using var service = Create(client, Hits.Result(similar));

        var answer = await service.AnswerAsync(new AnswerRequest("How long is the warranty?"));

        Assert.Equal([4L], answer.Citations.Select(c => c.DocumentId.Value));
        Assert.Single(client.Calls);
    }

    [Fact]
    public async Task Answer_WithoutGenerator_QuotesMatchingSentencesInTheSameShape()
    {
        using var service = Create(generator: null);

        var answer = await service.AnswerAsync(new AnswerRequest("How long does the warranty last?"));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal("The warranty lasts two years from the date of purchase. [1]", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((1, 1L, "Policies > Warranty", "The warranty lasts two years from the date of purchase."), (citation.N, citation.DocumentId.Value, citation.Heading, citation.Snippet));
        Assert.Equal((false, (string?)null, AnswerUsage.None, 3), (answer.NoAnswer, answer.Model, answer.Usage, answer.Passages));
    }

    [Fact]
    public async Task Answer_ExtractiveAskedForWithGenerator_DoesNotCallIt()
    {
        var client = new ScriptedChatClient("should not be called");
        using var service = Create(client);

        var answer = await service.AnswerAsync(new AnswerRequest("Are batteries covered against water?") { Mode = AnswerMode.Extractive });

        Assert.Empty(client.Calls);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal("Batteries are covered for one year. Damage from water is not covered. [1]", answer.Text);
        Assert.Equal([2L], answer.Citations.Select(c => c.DocumentId.Value));
    }

    [Fact]
    public async Task Answer_ExtractiveWithoutMatchingSentence_NoAnswer()
    {
        using var service = Create(generator: null, Hits.Result(Hits.Make(4, "Coverage runs for 24 months.", keywordRank: null, similarity: 0.7)));

        var answer = await service.AnswerAsync(new AnswerRequest("What is the warranty period?"));

        Assert.Equal((true, NoAnswerReason.NoMatchingSentences, AnswerMode.Extractive), (answer.NoAnswer, answer.NoAnswerReason, answer.Mode));
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Answer_GenerativeAskedForWithoutGenerator_ServiceUnavailable()
    {
        using var service = Create(generator: null);

        await Assert.ThrowsAsync<ServiceUnavailableException>(() => service.AnswerAsync(new AnswerRequest("How long?") { Mode = AnswerMode.Generative }));
    }

    [Fact]
    public async Task Answer_SearchModeUnavailable_ServiceUnavailable()
    {
        using var service = new AnswerService(
            (_, _) => throw new SearchModeUnavailableException(SearchMode.Vector, "no embedding model is loaded"),
            _ => Task.FromResult<IChatClient?>(null), new AnsweringOptions(), null, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<ServiceUnavailableException>(() => service.AnswerAsync(new AnswerRequest("x") { SearchMode = SearchMode.Vector }));

        Assert.Contains("no embedding model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Answer_EmptyQuestion_ArgumentException(string question)
    {
        using var service = Create(new ScriptedChatClient("x"));

        await Assert.ThrowsAsync<ArgumentException>(() => service.AnswerAsync(new AnswerRequest(question)));
    }

    [Fact]
    public async Task Answer_PassesScopeAndLimitsToTheSearch()
    {
        var searches = new List<SearchRequest>();
        IReadOnlySet<string> allowed = new HashSet<string>(["hr"]);
        using var service = new AnswerService(
            (request, _) => { searches.Add(request); return Task.FromResult(Hits.Result()); },
            _ => Task.FromResult<IChatClient?>(null), new AnsweringOptions { TopK = 4 }, null, NullLogger.Instance);

        await service.AnswerAsync(new AnswerRequest("warranty") { Collection = "hr", AllowedCollections = allowed, SearchMode = SearchMode.Keyword });
        await service.AnswerAsync(new AnswerRequest("warranty") { TopK = 9 });

        Assert.Equal(("warranty", 4, SearchMode.Keyword, "hr"), (searches[0].Query, searches[0].TopK, searches[0].Mode, searches[0].Collection));
        Assert.Same(allowed, searches[0].AllowedCollections);
        Assert.Equal(9, searches[1].TopK);
    }

    [Fact]
    public async Task Answer_PassagesThatCannotAnswer_NoAnswerWithTheReasonAndNoGeneration()
    {
        var client = new ScriptedChatClient("The warranty lasts two years [1].");
        using var service = new AnswerService(
            (_, _) => Task.FromResult(Hits.Result(Warranty, Batteries, Office)), _ => Task.FromResult<IChatClient?>(client), new AnsweringOptions(), null,
            NullLogger.Instance, (matches, _) => Task.FromResult((100L, matches.Select(m => m.Contains("lora", StringComparison.Ordinal) ? 0L : 5L).ToArray())));

        var answer = await service.AnswerAsync(new AnswerRequest("How do I fine-tune a model with LoRA?"));

        Assert.Equal((true, NoAnswerReason.NotRelevant, AnswerMode.Generative), (answer.NoAnswer, answer.NoAnswerReason, answer.Mode));
        Assert.Equal("no passage mentions 'lora'", answer.NoAnswerDetail);
        Assert.Equal("unknown-name", answer.Relevance?.Decider);
        Assert.Empty(client.Calls);
    }

    [Fact]
    public async Task Answer_RelevantPassages_CarryTheRelevanceSignals()
    {
        using var service = new AnswerService(
            (_, _) => Task.FromResult(Hits.Result(Warranty, Batteries, Office)), _ => Task.FromResult<IChatClient?>(null), new AnsweringOptions(), null,
            NullLogger.Instance, (matches, _) => Task.FromResult((100L, matches.Select(_ => 5L).ToArray())));

        var answer = await service.AnswerAsync(new AnswerRequest("How long is the warranty?"));

        Assert.False(answer.NoAnswer);
        Assert.Equal(0.5, answer.Relevance?.Coverage); // "warranty" of "long" and "warranty", weighed alike
        Assert.Null(answer.Relevance?.Decider);
    }

    [Theory]
    [InlineData("Batteries are covered for one year [2].", false)]
    [InlineData("Penguins live in Antarctica [1].", true)] // the warranty passage shares none of its words
    [InlineData("Penguins live in Antarctica.", true)] // cites nothing
    public async Task Answer_Generated_IsFlaggedWhenItsCitationsDoNotSupportIt(string reply, bool unsupported)
    {
        using var service = Create(new ScriptedChatClient(reply));

        var answer = await service.AnswerAsync(new AnswerRequest("How long are batteries covered?"));

        Assert.Equal(unsupported, answer.Unsupported);
    }

    internal static AnswerService Create(
        IChatClient? generator, SearchResult? result = null, AnsweringOptions? options = null, ILogger? logger = null) =>
        new((_, _) => Task.FromResult(result ?? Hits.Result(Warranty, Batteries, Office)),
            _ => Task.FromResult(generator), options ?? new AnsweringOptions(), null, logger ?? NullLogger.Instance);
}
