using System.Runtime.CompilerServices;
using DocRag.Core.Generation;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace DocRag.Core.Remote;

/// <summary>
/// A remote OpenAI-compatible chat server behind <see cref="IChatClient"/>, through the official <c>OpenAI</c> client
/// (<c>/chat/completions</c>, streamed or not). It counts no tokens itself (answers use an estimate) and reports the
/// configured context size through <see cref="GenerationModelInfo"/> so prompts fit the server's model.
/// </summary>
public sealed partial class OpenAiChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly ChatClientMetadata _metadata;

    public OpenAiChatClient(RemoteEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
#pragma warning disable OPENAI001 // the policy overload is the client's way to send no key at all (servers without auth)
        _client = new ChatClient(options.Model!, OpenAiClientOptionsFactory.Authentication(options), OpenAiClientOptionsFactory.Create(options));
#pragma warning restore OPENAI001
        var url = new Uri(options.Url!);
        _metadata = new ChatClientMetadata("openai-compatible", url, options.Model);
        Info = new GenerationModelInfo(
            options.Model!, RemoteUrl(url), 0, "remote", $"OpenAI-compatible server at {url.Authority}", 0,
            options.ContextSize, options.ContextSize, 0, "server", true, "remote", 0, 0, 0);
    }

    /// <summary>The server's URL for logs and status: scheme, host, port and path, never user info or query.</summary>
    public static string RemoteUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{url.Scheme}://{url.Authority}{url.AbsolutePath}";
    }

    /// <summary>The remote model as answering code sees it (its id and context size).</summary>
    public GenerationModelInfo Info { get; }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await _client.CompleteChatAsync(ToOpenAi(messages), ToOpenAi(options), cancellationToken).ConfigureAwait(false);
        var completion = result.Value;
        var text = string.Concat(completion.Content.Select(p => p.Text));
        return new ChatResponse(new AiChatMessage(AiChatRole.Assistant, text) { MessageId = completion.Id })
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage ? ToUsage(usage) : null,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = _client.CompleteChatStreamingAsync(ToOpenAi(messages), ToOpenAi(options), cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var text = string.Concat(update.ContentUpdate.Select(p => p.Text));
            var converted = new ChatResponseUpdate(AiChatRole.Assistant, text)
            {
                ResponseId = update.CompletionId,
                MessageId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } finish ? ToFinishReason(finish) : null,
            };
            if (update.Usage is { } usage)
            {
                converted.Contents.Add(new UsageContent(ToUsage(usage)));
            }

            yield return converted;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(GenerationModelInfo) ? Info
            : serviceType == typeof(ChatClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The OpenAI client holds no unmanaged resources; its HTTP pipeline is shared and lives with the process.
    }
}
