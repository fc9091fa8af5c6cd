using DocRag.Core.Generation;
using DocRag.Core.Text;
using DocRag.TestSupport;
using DocRag.TestSupport.Gguf;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Tests.Generation;

public sealed class LlamaChatClientTests
{
    [SharedModelsFact]
    public async Task GetCompletionStreamingAsync_Stories260KGreedy_ReproducesKnownContinuation()
    {
        using var client = TestGenerators.Create(TestGenerators.Stories);

        var updates = await client.GetCompletionStreamingAsync("Once upon a time", new ChatOptions { MaxOutputTokens = 40 }).ToListAsync();

        Assert.Equal(TestGenerators.StoriesContinuation(), string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
        var usage = Assert.IsType<UsageContent>(Assert.Single(updates[^1].Contents.OfType<UsageContent>()));
        Assert.Equal(40, usage.Details.OutputTokenCount);
        Assert.Equal(5, usage.Details.InputTokenCount); // BOS + "Once upon a time"
        Assert.Equal(45, usage.Details.TotalTokenCount);
    }

    [SharedModelsFact]
    public async Task GetStreamingResponseAsync_SameSeed_MatchesGetResponseAsync()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom);
        var options = new ChatOptions { Temperature = 1.0f, Seed = 1234, MaxOutputTokens = 48 };
        ChatMessage[] chat = [new(ChatRole.User, "¿Qué tal? 日本語 😀")];

        var streamed = await client.GetStreamingResponseAsync(chat, options).ToListAsync();
        var response = await client.GetResponseAsync(chat, options);

        Assert.True(streamed.Count > 2, "tokens should stream one update at a time");
        Assert.Equal(response.Text, string.Concat(streamed.Select(u => u.Text)));
        Assert.All(streamed, u => Assert.True(IsWellFormed(u.Text), $"update '{u.Text}' splits a character"));
        Assert.Equal(response.Usage!.OutputTokenCount, streamed[^1].Contents.OfType<UsageContent>().Single().Details.OutputTokenCount);
        Assert.Equal(ChatRole.Assistant, response.Messages.Single().Role);
        Assert.Equal("llama-2-tiny-random", response.ModelId);
        Assert.NotNull(response.ResponseId);
    }

    [SharedModelsFact]
    public async Task GetResponseAsync_MaxOutputTokens_StopsWithLength()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom);

        var response = await client.GetResponseAsync([new(ChatRole.User, "Hello")], new ChatOptions { MaxOutputTokens = 7 }.WithIgnoreEndOfGeneration());

        Assert.Equal(7, response.Usage!.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [SharedModelsFact]
    public async Task GetCompletionStreamingAsync_StopSequence_EndsBeforeItWithStop()
    {
        using var client = TestGenerators.Create(TestGenerators.Stories);
        var full = TestGenerators.StoriesContinuation();

        var updates = await client.GetCompletionStreamingAsync(
            "Once upon a time", new ChatOptions { MaxOutputTokens = 40, StopSequences = ["named Lily"] }).ToListAsync();

        var text = string.Concat(updates.Select(u => u.Text));
        Assert.Equal(full[..full.IndexOf("named Lily", StringComparison.Ordinal)], text);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [SharedModelsFact]
    public async Task GetStreamingResponseAsync_Cancelled_StopsWithinOneToken()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom, o => o.ContextSize = 4096);
        using var cts = new CancellationTokenSource();
        var afterCancel = 0;
        var options = new ChatOptions { MaxOutputTokens = 4000, Temperature = 1, Seed = 3 }.WithIgnoreEndOfGeneration();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "go")], options, cts.Token))
            {
                if (cts.IsCancellationRequested)
                {
                    afterCancel++;
                }
                else if (!string.IsNullOrEmpty(update.Text))
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(0, afterCancel);
        Assert.Equal(0, client.ActiveRequests); // the context went back to the pool
    }

    [SharedModelsFact]
    public async Task GetStreamingResponseAsync_ConsumerStopsEarly_ReturnsContextToPool()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom, o => o.MaxQueue = 0);

        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "go")], new ChatOptions().WithIgnoreEndOfGeneration()))
        {
            break;
        }

        var next = await client.GetResponseAsync([new(ChatRole.User, "again")], new ChatOptions { MaxOutputTokens = 3 });
        Assert.Equal(0, client.ActiveRequests);
        Assert.NotNull(next.FinishReason);
    }

    [SharedModelsFact]
    public async Task GetResponseAsync_PromptLongerThanContext_SaysByHowMuch()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom, o => o.ContextSize = 256);
        var counter = client.GetService<ITokenCounter>()!;
        var prompt = string.Concat(Enumerable.Repeat("words and more words ", 200));

        var ex = await Assert.ThrowsAsync<GenerationPromptTooLongException>(() => client.GetResponseAsync([new(ChatRole.User, prompt)]));

        Assert.Equal(256, ex.ContextSize);
        Assert.True(ex.PromptTokens > counter.CountTokens(prompt)); // plus template and BOS
        Assert.Equal(ex.PromptTokens - 256 + 1, ex.ExcessTokens);
        Assert.Contains($"{ex.ExcessTokens} tokens too many", ex.Message, StringComparison.Ordinal);
    }

    [SharedModelsFact]
    public async Task GetResponseAsync_ContextFills_StopsWithLength()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom, o => o.ContextSize = 256);
        var options = new ChatOptions { MaxOutputTokens = 10_000 }.WithIgnoreEndOfGeneration();

        var response = await client.GetResponseAsync([new(ChatRole.User, "hi")], options);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(256 + 1, response.Usage!.TotalTokenCount); // the last sampled token needs no room in the context
    }

    [Fact]
    public async Task GetResponseAsync_GeneratedModelWithChatTemplate_UsesItAndStopsAtEndOfTurn()
    {
        using var dir = new TempDirectory();
        using var client = TestGenerators.Create(TestLlamaModel.WriteTiny(dir.Path));
        ChatMessage[] chat = [new(ChatRole.User, "the little girl")];

        var prompt = client.FormatPrompt(chat, "Be brief.");
        var response = await client.GetResponseAsync(chat, new ChatOptions { Instructions = "Be brief.", MaxOutputTokens = 16 });

        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nthe little girl<|im_end|>\n<|im_start|>assistant\n", prompt);
        Assert.Equal("gguf", client.Info.ChatTemplate);
        Assert.True(client.Info.ChatTemplateFromModel);
        // The template's markers become single control tokens, so the prompt is shorter than its text read literally.
        Assert.True(response.Usage!.InputTokenCount < client.GetService<ITokenCounter>()!.CountTokens(prompt));
        Assert.NotNull(response.FinishReason);
    }

    [Fact]
    public void GetService_ReturnsCounterMetadataInfoAndSelf()
    {
        using var dir = new TempDirectory();
        var path = TestLlamaModel.WriteTiny(dir.Path);
        using var client = TestGenerators.Create(path, o => o.ContextSize = 100_000);

        var info = client.GetService<GenerationModelInfo>()!;
        var metadata = client.GetService<ChatClientMetadata>()!;

        Assert.Same(client, client.GetService<LlamaChatClient>());
        Assert.Same(client, client.GetService<IChatClient>());
        Assert.Null(client.GetService<ChatClientMetadata>("some-key"));
        Assert.Equal("tiny-llama", metadata.DefaultModelId);
        Assert.Equal("llama.cpp", metadata.ProviderName);
        Assert.Equal(LlamaModelShape.Tiny.ContextLength, info.TrainContextSize);
        Assert.Equal(LlamaModelShape.Tiny.ContextLength, info.ContextSize); // capped at n_ctx_train
        Assert.Equal(LlamaModelShape.Tiny.Parameters, info.Parameters);
        Assert.Equal("llama", info.Architecture);
        Assert.Equal(new FileInfo(path).Length, info.FileSizeBytes);
        Assert.Equal("CPU", info.Device);
        Assert.Equal(1, info.ContextPoolSize);
        Assert.Equal(3, client.GetService<ITokenCounter>()!.CountTokens("the little girl"));
    }

    [SharedModelsFact]
    public void TokenCounter_Llama2Vocabulary_CountsMultilingualText()
    {
        using var client = TestGenerators.Create(TestGenerators.TinyRandom);
        var counter = client.GetService<ITokenCounter>()!;

        Assert.Equal(0, counter.CountTokens(string.Empty));
        Assert.Equal(2, counter.CountTokens("Hello world"));
        Assert.True(counter.CountTokens("¿Dónde está el niño?") > counter.CountTokens("Where is the boy?"));
        Assert.True(counter.CountTokens("😀") >= 4); // byte tokens: one per UTF-8 byte
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
