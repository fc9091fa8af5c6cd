using DocRag.Core.Generation;
using DocRag.TestSupport;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Generation;

public sealed class LlamaChatClientConcurrencyTests
{
    private static readonly string[] Prompts = ["Once upon a time", "One day, a little boy", "The cat", "Lily and Ben were", "Tom had a big"];

    [SharedModelsFact]
    public async Task GetCompletion_ParallelRequestsOnOneContext_EachGetsItsOwnOutput()
    {
        using var client = TestGenerators.Create(TestGenerators.Stories, o => o.ContextPoolSize = 1);
        var options = new ChatOptions { MaxOutputTokens = 24 };
        var sequential = new List<string>();
        foreach (var prompt in Prompts)
        {
            sequential.Add(await Complete(client, prompt, options));
        }

        var parallel = await Task.WhenAll(Prompts.Select(p => Task.Run(() => Complete(client, p, options))));

        Assert.Equal(sequential, parallel);
        Assert.Equal(Prompts.Length, sequential.Distinct().Count());
        Assert.Equal(0, client.ActiveRequests);
        Assert.Equal(0, client.QueueLength);
    }

    [SharedModelsFact]
    public async Task GetCompletion_PoolOfTwo_ParallelOutputsMatchSequential()
    {
        using var client = TestGenerators.Create(TestGenerators.Stories, o => o.ContextPoolSize = 2);
        var options = new ChatOptions { MaxOutputTokens = 16 };
        var expected = new List<string>();
        foreach (var prompt in Prompts)
        {
            expected.Add(await Complete(client, prompt, options));
        }

        var parallel = await Task.WhenAll(Prompts.Select(p => Task.Run(() => Complete(client, p, options))));

        Assert.Equal(expected, parallel);
    }

    [SharedModelsFact]
    public async Task GetCompletion_QueueFull_RefusesWithQueueFullAndRecovers()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom, o =>
        {
            o.ContextPoolSize = 1;
            o.MaxQueue = 1;
        });
        var hold = new ChatOptions { MaxOutputTokens = 200 }.WithIgnoreEndOfGeneration();
        await using var first = client.GetCompletionStreamingAsync("busy", hold).GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync()); // holds the only context

        var queued = client.GetResponseAsync([new(ChatRole.User, "waits")], new ChatOptions { MaxOutputTokens = 2 });
        await WaitUntil(() => client.QueueLength == 1);
        var ex = await Assert.ThrowsAsync<GenerationQueueFullException>(
            () => client.GetResponseAsync([new(ChatRole.User, "refused")], new ChatOptions { MaxOutputTokens = 2 }));

        Assert.Equal(1, ex.MaxQueue);
        Assert.Equal(1, ex.Waiting);
        Assert.False(queued.IsCompleted);
        await first.DisposeAsync(); // frees the context for the queued request
        Assert.NotNull((await queued).FinishReason);
        Assert.Equal(0, client.QueueLength);
    }

    private static async Task<string> Complete(LlamaChatClient client, string prompt, ChatOptions options)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var update in client.GetCompletionStreamingAsync(prompt, options))
        {
            text.Append(update.Text);
        }

        return text.ToString();
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
