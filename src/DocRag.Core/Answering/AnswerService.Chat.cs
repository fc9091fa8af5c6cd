using System.Diagnostics;
using System.Runtime.CompilerServices;
using DocRag.Core.Hosting;
using Microsoft.Extensions.AI;

namespace DocRag.Core.Answering;

/// <summary>The generator without retrieval (an OpenAI-compatible chat with RAG turned off), under the same limits.</summary>
public sealed partial class AnswerService
{
    /// <summary>
    /// Streams the generator's reply to <paramref name="messages"/> as they are, through the same generation slots
    /// (429 when full) and metrics as answers. Throws <see cref="ServiceUnavailableException"/> without a generator.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> ChatAsync(
        IReadOnlyList<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var generator = await _generator(cancellationToken).ConfigureAwait(false)
            ?? throw new ServiceUnavailableException("No generator model is available; chat without retrieval needs one.");
        var chatOptions = options?.Clone() ?? new ChatOptions();
        chatOptions.MaxOutputTokens ??= _options.MaxOutputTokens;
        chatOptions.Temperature ??= _options.Temperature;

        var clock = Stopwatch.StartNew();
        using var slot = await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        long? outputTokens = null;
        var updates = generator.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (await NextAsync(updates).ConfigureAwait(false))
            {
                outputTokens = updates.Current.Contents.OfType<UsageContent>().LastOrDefault()?.Details.OutputTokenCount ?? outputTokens;
                yield return updates.Current;
            }
        }

        if (outputTokens is { } tokens)
        {
            _metrics?.RecordGeneration((int)tokens, clock.Elapsed);
        }
    }
}
