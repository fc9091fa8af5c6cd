using DocRag.Core.Answering;
using DocRag.Core.Generation;
using DocRag.Core.Hosting;
using Microsoft.Extensions.AI;
using static DocRag.Core.Tests.Answering.AnswerServiceTests;

namespace DocRag.Core.Tests.Answering;

public sealed class AnswerServiceStreamingTests
{
    [Fact]
    public async Task Stream_TokensThenCitationsThenDone_TokensJoinToTheAnswer()
    {
        using var service = Create(new ScriptedChatClient("The warranty ", "lasts two years [", "1", "]", " and batteries one [2", "]."));

        var events = await service.StreamAsync(new AnswerRequest("How long is the warranty?")).ToListAsync();

        var tokens = events.TakeWhile(e => e is AnswerTokenEvent).Cast<AnswerTokenEvent>().ToList();
        Assert.True(tokens.Count > 2, "text should stream in pieces");
        Assert.Equal(2, events.Count - tokens.Count);
        var citations = Assert.IsType<AnswerCitationsEvent>(events[^2]);
        var done = Assert.IsType<AnswerDoneEvent>(events[^1]);
        Assert.Equal(done.Answer.Text, string.Concat(tokens.Select(t => t.Text)).Trim());
        Assert.Equal("The warranty lasts two years [1] and batteries one [2].", done.Answer.Text);
        Assert.Equal([1, 2], citations.Citations.Select(c => c.N));
        Assert.Equal(done.Answer.Citations, citations.Citations);
        Assert.NotNull(done.Answer.Timings.FirstTokenMs);
    }

    [Fact]
    public async Task Stream_ExtractiveAndNoAnswer_SameEventOrder()
    {
        using var extractive = Create(generator: null);
        using var empty = Create(new ScriptedChatClient("x"), Hits.Result());

        foreach (var service in new[] { extractive, empty })
        {
            var events = await service.StreamAsync(new AnswerRequest("How long does the warranty last?")).ToListAsync();
            Assert.IsType<AnswerTokenEvent>(events[0]);
            Assert.IsType<AnswerCitationsEvent>(events[1]);
            Assert.Equal(((AnswerTokenEvent)events[0]).Text, Assert.IsType<AnswerDoneEvent>(events[2]).Answer.Text);
        }
    }

    [Fact]
    public async Task Stream_Cancelled_StopsTheGeneration()
    {
        var client = new ScriptedChatClient("The warranty ", "lasts two years [1].") { Hold = new TaskCompletionSource() };
        using var service = Create(client);
        using var cancel = new CancellationTokenSource();

        var stream = service.StreamAsync(new AnswerRequest("How long is the warranty?"), cancel.Token).GetAsyncEnumerator();
        Assert.True(await stream.MoveNextAsync());
        Assert.Equal("The warranty", Assert.IsType<AnswerTokenEvent>(stream.Current).Text);
        var next = stream.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        Assert.True(client.Cancelled);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task Answer_GenerationSlotsAndQueueFull_ServiceBusyWithRetryAfter()
    {
        var hold = new TaskCompletionSource();
        var client = new ScriptedChatClient("The warranty ", "lasts two years [1].") { Hold = hold };
        using var service = Create(client, options: new AnsweringOptions { MaxConcurrentGenerations = 1, MaxQueuedGenerations = 0, BusyRetryAfterSeconds = 3 });
        var first = service.AnswerAsync(new AnswerRequest("How long is the warranty?"));
        await client.Started.Task;

        var busy = await Assert.ThrowsAsync<ServiceBusyException>(() => service.AnswerAsync(new AnswerRequest("How long is the warranty?")));

        Assert.Equal(TimeSpan.FromSeconds(3), busy.RetryAfter);
        hold.SetResult();
        Assert.Equal("The warranty lasts two years [1].", (await first).Text);
        Assert.Equal("The warranty lasts two years [1].", (await service.AnswerAsync(new AnswerRequest("How long is the warranty?"))).Text);
    }

    [Fact]
    public async Task Answer_LocalGeneratorQueueFull_ServiceBusy()
    {
        using var service = Create(new ScriptedChatClient("x") { Failure = new GenerationQueueFullException(16, 16) });

        var busy = await Assert.ThrowsAsync<ServiceBusyException>(() => service.AnswerAsync(new AnswerRequest("How long is the warranty?")));

        Assert.Contains("MaxQueue = 16", busy.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How long is the warranty on batteries?", "Answer in English", "Passages:", "Question: How long")]
    [InlineData("¿Cuánto dura la garantía de las baterías?", "Responde en español", "Pasajes:", "Pregunta: ¿Cuánto")]
    [InlineData("Wie lange gilt die Garantie für die Batterien?", "Answer in the same language as the question", "Passages:", "Question: Wie")]
    public async Task Answer_InstructionsInTheQuestionsLanguage(string question, string instruction, string passages, string asked)
    {
        var client = new ScriptedChatClient("x [1]");
        using var service = Create(client);

        await service.AnswerAsync(new AnswerRequest(question));

        var (messages, _) = Assert.Single(client.Calls);
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.Contains(instruction, messages[0].Text, StringComparison.Ordinal);
        var user = messages[^1].Text;
        Assert.StartsWith(passages, user, StringComparison.Ordinal);
        Assert.Contains(asked, user, StringComparison.Ordinal);
        Assert.Contains("[1] ", user, StringComparison.Ordinal);
        Assert.Contains("[3] ", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_SettingsAndHistoryReachTheGenerator()
    {
        var client = new ScriptedChatClient("x [1]");
        using var service = Create(client, options: new AnsweringOptions { MaxOutputTokens = 200, Temperature = 0.1f });
        ChatMessage[] history = [new(ChatRole.System, "Be funny."), new(ChatRole.User, "Hi"), new(ChatRole.Assistant, "Hello!")];

        await service.AnswerAsync(new AnswerRequest("How long is the warranty?") { History = history, Seed = 7, TopP = 0.5f, StopSequences = ["END"] });
        await service.AnswerAsync(new AnswerRequest("How long is the warranty?") { MaxOutputTokens = 50, Temperature = 0.9f });

        var (messages, options) = client.Calls[0];
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal(("Hi", "Hello!"), (messages[1].Text, messages[2].Text));
        Assert.DoesNotContain(messages, m => m.Text.Contains("Be funny", StringComparison.Ordinal));
        Assert.Equal((200, 0.1f, 7L, 0.5f, "END"), (options!.MaxOutputTokens, options.Temperature, options.Seed, options.TopP, options.StopSequences!.Single()));
        Assert.Equal((50, 0.9f), (client.Calls[1].Options!.MaxOutputTokens, client.Calls[1].Options!.Temperature));
    }

    [Fact]
    public async Task Answer_GeneratorWithoutUsage_CountsTheOutput()
    {
        using var service = Create(new ScriptedChatClient("It lasts two years [1].") { Usage = null });

        var answer = await service.AnswerAsync(new AnswerRequest("How long is the warranty?"));

        Assert.Equal(5, answer.Usage.OutputTokens); // words, as the scripted client counts
        Assert.True(answer.Usage.PromptTokens > 50);
    }
}
